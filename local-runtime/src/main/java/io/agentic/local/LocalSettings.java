package io.agentic.local;

import io.agentic.local.services.AgenticService;
import io.agentic.local.services.ExtraInitializers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;

/**
 * How local mode runs: where it keeps its data, which ports the services take, which infrastructure
 * it starts itself and what extra configuration every service gets.
 *
 * @param dataDir everything local mode persists lives below it (see the README's data layout)
 * @param ports each service's port; {@code 0} takes any free port
 * @param kafkaBootstrapServers an external broker, or {@code null} to start the embedded one
 * @param mongoUri an external MongoDB, or {@code null} to start the embedded one
 * @param redisUrl an external Redis, or {@code null} to start the embedded one
 * @param kafkaPartitions partitions of every topic the services declare
 * @param properties Spring properties added to every service's configuration, above its own file
 */
public record LocalSettings(
    Path dataDir,
    Map<AgenticService, Integer> ports,
    String kafkaBootstrapServers,
    String mongoUri,
    String redisUrl,
    int kafkaPartitions,
    Map<String, String> properties) {

  /**
   * Local mode's partition count: 3 (not production's 12) keeps topic creation, rebalances and the
   * embedded broker's start-up quick, while still spreading executions over partitions.
   */
  public static final int LOCAL_PARTITIONS = 3;

  static final String PARTITIONS_VARIABLE = "AGENTIC_KAFKA_PARTITIONS";

  /**
   * Shared by the gateway and auth-service to exchange API keys (their files read it as {@code
   * ${AGENTIC_GATEWAY_SECRET}}); local mode makes one up when the environment has none.
   */
  static final String GATEWAY_SECRET = "AGENTIC_GATEWAY_SECRET";

  /** Variables passed to the services under their own names (provider keys and endpoints). */
  static final List<String> PROVIDER_VARIABLES =
      List.of(
          "GEMINI_API_KEY",
          "GROQ_API_KEY",
          "HUGGINGFACE_API_KEY",
          "OPENROUTER_API_KEY",
          "OPENAI_API_KEY",
          "GEMINI_BASE_URL",
          "GROQ_BASE_URL",
          "HUGGINGFACE_BASE_URL",
          "OPENROUTER_BASE_URL",
          "OPENAI_BASE_URL");

  public LocalSettings {
    dataDir = dataDir.toAbsolutePath().normalize();
    EnumMap<AgenticService, Integer> allPorts = new EnumMap<>(AgenticService.class);
    for (AgenticService service : AgenticService.values()) {
      int port = ports.getOrDefault(service, service.defaultPort());
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(service.portVariable() + " is not a port: " + port);
      }
      allPorts.put(service, port);
    }
    ports = Map.copyOf(allPorts);
    kafkaBootstrapServers = blankToNull(kafkaBootstrapServers);
    mongoUri = blankToNull(mongoUri);
    redisUrl = blankToNull(redisUrl);
    if (kafkaPartitions < 1) {
      throw new IllegalArgumentException("kafkaPartitions must be at least 1");
    }
    properties = Map.copyOf(properties);
  }

  /**
   * The settings an operator gives through the environment (see the configuration table in API.md):
   * {@code PORT}, {@code *_SERVICE_PORT}, {@code AGENTIC_DATA_DIR}, {@code
   * KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI}, {@code REDIS_URL}, {@code
   * AGENTIC_ADMIN_EMAIL}/{@code AGENTIC_ADMIN_PASSWORD}, {@code AGENTIC_HTTP_ALLOW_HOSTS} and the
   * AI providers' keys and base URLs.
   */
  public static LocalSettings fromEnvironment(Map<String, String> env) {
    Map<AgenticService, Integer> ports = new EnumMap<>(AgenticService.class);
    for (AgenticService service : AgenticService.values()) {
      ports.put(service, port(env, service));
    }
    Map<String, String> properties = new LinkedHashMap<>();
    copy(env, "AGENTIC_ADMIN_EMAIL", properties, "agentic.auth.admin-email");
    copy(env, "AGENTIC_ADMIN_PASSWORD", properties, "agentic.auth.admin-password");
    copy(env, "AGENTIC_HTTP_ALLOW_HOSTS", properties, "agentic.http.allow-hosts");
    copy(env, GATEWAY_SECRET, properties, GATEWAY_SECRET);
    PROVIDER_VARIABLES.forEach(name -> copy(env, name, properties, name));
    return new LocalSettings(
        Path.of(
            env.getOrDefault("AGENTIC_DATA_DIR", "").isBlank()
                ? "data"
                : env.get("AGENTIC_DATA_DIR")),
        ports,
        env.get("KAFKA_BOOTSTRAP_SERVERS"),
        env.get("MONGODB_URI"),
        env.get("REDIS_URL"),
        partitions(env),
        properties);
  }

  /**
   * {@code AGENTIC_KAFKA_PARTITIONS}, else {@link #LOCAL_PARTITIONS}: the multi-process mode's
   * processes must all agree on it, and crash tests want fewer.
   */
  private static int partitions(Map<String, String> env) {
    String value = env.get(PARTITIONS_VARIABLE);
    if (value == null || value.isBlank()) {
      return LOCAL_PARTITIONS;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          PARTITIONS_VARIABLE + " must be a number, not '" + value + "'");
    }
  }

  /**
   * For tests: everything embedded under {@code dataDir}, every service on a free port, nothing
   * else configured.
   */
  public static LocalSettings onFreePorts(Path dataDir) {
    Map<AgenticService, Integer> ports = new EnumMap<>(AgenticService.class);
    for (AgenticService service : AgenticService.values()) {
      ports.put(service, 0);
    }
    return new LocalSettings(dataDir, ports, null, null, null, LOCAL_PARTITIONS, Map.of());
  }

  public LocalSettings withRedisUrl(String url) {
    return new LocalSettings(
        dataDir, ports, kafkaBootstrapServers, mongoUri, url, kafkaPartitions, properties);
  }

  public LocalSettings withKafkaPartitions(int partitions) {
    return new LocalSettings(
        dataDir, ports, kafkaBootstrapServers, mongoUri, redisUrl, partitions, properties);
  }

  public LocalSettings withPort(AgenticService service, int port) {
    Map<AgenticService, Integer> changed = new EnumMap<>(ports);
    changed.put(service, port);
    return new LocalSettings(
        dataDir, changed, kafkaBootstrapServers, mongoUri, redisUrl, kafkaPartitions, properties);
  }

  /** These settings with more properties for every service (later values win). */
  public LocalSettings withProperties(Map<String, ?> more) {
    Map<String, String> merged = new LinkedHashMap<>(properties);
    more.forEach((key, value) -> merged.put(key, String.valueOf(value)));
    return new LocalSettings(
        dataDir, ports, kafkaBootstrapServers, mongoUri, redisUrl, kafkaPartitions, merged);
  }

  /**
   * These settings with {@link ApplicationContextInitializer}s applied to every service's context
   * (for tests, e.g. an in-memory span collector); each needs a public no-argument constructor.
   */
  @SafeVarargs
  public final LocalSettings withInitializers(
      Class<? extends ApplicationContextInitializer<?>>... initializers) {
    List<String> names = new ArrayList<>();
    String existing = properties.get(ExtraInitializers.PROPERTY);
    if (existing != null && !existing.isBlank()) {
      names.add(existing);
    }
    for (Class<?> initializer : initializers) {
      names.add(initializer.getName());
    }
    return withProperties(Map.of(ExtraInitializers.PROPERTY, String.join(",", names)));
  }

  private static int port(Map<String, String> env, AgenticService service) {
    String value = env.get(service.portVariable());
    if (value == null || value.isBlank()) {
      return service.defaultPort();
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          service.portVariable() + " must be a port number, not '" + value + "'");
    }
  }

  private static void copy(
      Map<String, String> env, String variable, Map<String, String> into, String property) {
    String value = env.get(variable);
    if (value != null && !value.isBlank()) {
      into.put(property, value);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
