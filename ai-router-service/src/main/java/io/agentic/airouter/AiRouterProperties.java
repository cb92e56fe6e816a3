package io.agentic.airouter;

import io.agentic.airouter.routing.RouteTarget;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * ai-router-service's settings, all under {@code agentic.ai}. The provider table, prices and
 * default routes live in {@code ai-router-service.yml}; keys and base URLs come from the
 * environment variables the README lists.
 *
 * @param providers by name: protocol, endpoint, key, priced models and daily quotas; a provider
 *     without a key is unconfigured and never called
 * @param routes the default routing table, task type to ordered targets; {@code PUT /api/ai/routes}
 *     overrides it per task type
 * @param userDailyTokenBudget tokens one user may spend per UTC day across providers; 0 = no budget
 * @param defaultStepTimeout the deadline of a step that arrives without a {@code timeoutMs}
 * @param chatCompletions the OpenAI-compatible door, {@code /v1}
 */
@ConfigurationProperties("agentic.ai")
public record AiRouterProperties(
    Map<String, Provider> providers,
    Map<String, List<RouteTarget>> routes,
    @DefaultValue Http http,
    @DefaultValue Resilience resilience,
    @DefaultValue Cache cache,
    @DefaultValue Worker worker,
    @DefaultValue("0") long userDailyTokenBudget,
    @DefaultValue("5m") Duration defaultStepTimeout,
    @DefaultValue ChatCompletions chatCompletions) {

  public AiRouterProperties {
    // insertion order is the configuration's: GET /api/ai/providers lists them in it
    providers =
        providers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(providers));
    routes = routes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(routes));
    if (userDailyTokenBudget < 0) {
      throw new IllegalArgumentException("agentic.ai.user-daily-token-budget must be >= 0");
    }
  }

  /**
   * One provider.
   *
   * @param protocol {@code openai} (any OpenAI-compatible server), {@code gemini} or {@code
   *     huggingface}
   * @param baseUrl for {@code openai}, the URL that precedes {@code /chat/completions}; for gemini
   *     the host root; for huggingface the router root
   * @param apiKey sent only to {@code baseUrl}; empty = unconfigured
   * @param defaultModel the chat model used when a node names only the provider
   * @param models every model this provider may be asked for, with its price: a model without an
   *     entry here is never called
   * @param dailyRequestLimit calls per UTC day, 0 = unlimited
   * @param dailyTokenLimit tokens per UTC day, 0 = unlimited
   */
  public record Provider(
      @DefaultValue("openai") String protocol,
      @DefaultValue("") String baseUrl,
      @DefaultValue("") String apiKey,
      @DefaultValue("") String defaultModel,
      @DefaultValue List<Model> models,
      @DefaultValue("0") long dailyRequestLimit,
      @DefaultValue("0") long dailyTokenLimit) {

    public Provider {
      models = models == null ? List.of() : List.copyOf(models);
    }

    public boolean hasKey() {
      return apiKey != null && !apiKey.isBlank();
    }

    /** Never prints the key: these settings end up in logs and error reports. */
    @Override
    public String toString() {
      return "Provider[protocol=%s, baseUrl=%s, apiKey=%s, defaultModel=%s, models=%s]"
          .formatted(protocol, baseUrl, hasKey() ? "***" : "", defaultModel, models);
    }
  }

  /**
   * A priced model.
   *
   * @param inputPerMillion USD per million prompt tokens
   * @param outputPerMillion USD per million completion tokens
   * @param kind {@code chat} or {@code classification} (HuggingFace text classification, only for
   *     {@code sentiment_analysis})
   */
  public record Model(
      String name,
      @DefaultValue("0") double inputPerMillion,
      @DefaultValue("0") double outputPerMillion,
      @DefaultValue("chat") String kind) {

    public static final String CHAT = "chat";
    public static final String CLASSIFICATION = "classification";

    public boolean classification() {
      return CLASSIFICATION.equals(kind);
    }
  }

  /**
   * Outbound HTTP.
   *
   * @param callTimeout the longest one provider call may take; the step's deadline may cut it
   *     shorter
   * @param maxResponseBytes a larger answer is treated as unreadable
   */
  public record Http(
      @DefaultValue("3s") Duration connectTimeout,
      @DefaultValue("60s") Duration callTimeout,
      @DefaultValue("8MB") DataSize maxResponseBytes) {}

  /** Per-provider resilience. */
  public record Resilience(
      @DefaultValue Retry retry,
      @DefaultValue CircuitBreaker circuitBreaker,
      @DefaultValue("64") int maxConcurrentCalls,
      @DefaultValue("20") int healthWindow) {}

  /**
   * Retries of one provider before falling back to the next.
   *
   * @param maxAttempts calls per provider, the first included
   * @param maxRetryAfter a {@code Retry-After} longer than this moves on to the next provider
   *     instead of waiting
   */
  public record Retry(
      @DefaultValue("3") int maxAttempts,
      @DefaultValue("250ms") Duration initialBackoff,
      @DefaultValue("2.0") double backoffMultiplier,
      @DefaultValue("10s") Duration maxRetryAfter) {}

  /**
   * Opens after {@code failureRatePercent} of the last {@code slidingWindowSize} calls failed (at
   * least {@code minimumCalls}), stays open {@code openFor}, then lets {@code halfOpenCalls} trial
   * calls through.
   */
  public record CircuitBreaker(
      @DefaultValue("10") int slidingWindowSize,
      @DefaultValue("5") int minimumCalls,
      @DefaultValue("50") float failureRatePercent,
      @DefaultValue("30s") Duration openFor,
      @DefaultValue("2") int halfOpenCalls) {}

  /** Deterministic answers (temperature 0) kept in Redis. */
  public record Cache(@DefaultValue("true") boolean enabled, @DefaultValue("1h") Duration ttl) {}

  /**
   * The Kafka step worker.
   *
   * @param concurrency steps run at once
   * @param maxPollRecords records taken per poll; each poll's steps run together
   * @param publishTimeout how long publishing a result may take before the batch is retried
   */
  public record Worker(
      @DefaultValue("8") int concurrency,
      @DefaultValue("4") int maxPollRecords,
      @DefaultValue("10s") Duration publishTimeout) {}

  /**
   * The OpenAI-compatible door.
   *
   * @param timeout how long one chat completion may take, retries, fallbacks and streaming included
   */
  public record ChatCompletions(@DefaultValue("5m") Duration timeout) {}
}
