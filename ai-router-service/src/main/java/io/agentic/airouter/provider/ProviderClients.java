package io.agentic.airouter.provider;

import io.agentic.airouter.AiRouterProperties;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.client.RestClient;

/**
 * A client for every provider that has a key and a usable base URL. Each client owns its own HTTP
 * client and key, so a key is bound to its provider's endpoint from start-up on.
 */
public final class ProviderClients {

  private static final Logger log = LoggerFactory.getLogger(ProviderClients.class);

  private final List<String> names;
  private final Map<String, ProviderClient> clients = new LinkedHashMap<>();

  /** Clients on a plain {@link RestClient}: for tools and tests that run without Spring. */
  public ProviderClients(AiRouterProperties properties, Clock clock) {
    this(properties, clock, RestClient.builder(), HttpClientSettings.defaults());
  }

  /**
   * @param rest the builder each provider's client starts from (Boot's, observed)
   * @param settings the base HTTP settings; the configured timeouts replace its own, and redirects
   *     are never followed
   */
  public ProviderClients(
      AiRouterProperties properties,
      Clock clock,
      RestClient.Builder rest,
      HttpClientSettings settings) {
    this.names = List.copyOf(properties.providers().keySet());
    properties
        .providers()
        .forEach(
            (name, provider) -> {
              if (!provider.hasKey()) {
                return;
              }
              try {
                clients.put(name, create(name, provider, properties.http(), rest, settings, clock));
              } catch (IllegalArgumentException e) {
                log.warn("AI provider {} left unconfigured: {}", name, e.getMessage());
              }
            });
  }

  private static ProviderClient create(
      String name,
      AiRouterProperties.Provider settings,
      AiRouterProperties.Http http,
      RestClient.Builder rest,
      HttpClientSettings base,
      Clock clock) {
    Endpoint endpoint = Endpoint.parse(settings.baseUrl());
    ProviderHttp transport =
        new ProviderHttp(
            endpoint,
            rest,
            base.withTimeouts(http.connectTimeout(), http.callTimeout()),
            http.maxResponseBytes().toBytes(),
            clock);
    String key = settings.apiKey().trim();
    return switch (settings.protocol()) {
      case "openai" -> new OpenAiCompatibleClient(name, endpoint, key, transport, true);
      case "gemini" -> new GeminiClient(name, endpoint, key, transport);
      case "huggingface" -> new HuggingFaceClient(name, endpoint, key, transport);
      default -> throw new IllegalArgumentException("unknown protocol " + settings.protocol());
    };
  }

  /** Every provider in the configuration, configured or not, in configuration order. */
  public List<String> names() {
    return names;
  }

  public Optional<ProviderClient> client(String provider) {
    return Optional.ofNullable(clients.get(provider));
  }

  public boolean configured(String provider) {
    return clients.containsKey(provider);
  }
}
