package io.agentic.local;

import io.agentic.local.infra.Infrastructure;
import io.agentic.local.services.AgenticService;
import io.agentic.local.services.RunningServices;
import io.agentic.local.services.ServiceFailedException;
import io.agentic.local.services.ServicePlan;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The multi-process mode ({@code ./agentic multi}): one process holds the infrastructure ({@code
 * --infra-only}) and every service runs in a JVM of its own ({@code --service <name>}) against it,
 * with the same configuration local mode gives it. Crash tests kill one of these processes.
 */
final class MultiProcessMode {
  private MultiProcessMode() {}

  /**
   * Longer than local mode's: {@code ./agentic multi} starts six JVMs at once, which on two cores
   * share the CPU six ways while each loads its classes.
   */
  static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(300);

  /** The line {@code --infra-only} prints; scripts and tests read the addresses from it. */
  static final String INFRA_READY = "Agentic infrastructure is ready: ";

  /**
   * Starts Kafka, MongoDB and Redis (embedded unless their addresses are set) under the data
   * directory, holding its lock, and returns the ready line naming their addresses.
   */
  static String startInfrastructure(LocalSettings settings, ShutdownSequence shutdown)
      throws IOException {
    QuietLogging.apply();
    shutdown.add("data directory lock", DataDirLock.acquire(settings.dataDir()));
    Infrastructure infra =
        shutdown.add(
            "infrastructure",
            Infrastructure.start(
                settings.dataDir(),
                settings.kafkaBootstrapServers(),
                settings.mongoUri(),
                settings.redisUrl(),
                settings.kafkaPartitions()));
    return INFRA_READY
        + "KAFKA_BOOTSTRAP_SERVERS="
        + infra.kafkaBootstrapServers()
        + " MONGODB_URI="
        + infra.mongoUri()
        + " REDIS_URL="
        + infra.redisUrl();
  }

  /**
   * Starts one service and returns its base URL once it answers healthy.
   *
   * @throws LocalStartupException with a one-line reason (nothing is left running)
   */
  static String startService(
      LocalSettings settings, LaunchOptions options, ShutdownSequence shutdown) {
    ServicePlan plan = plan(settings, options);
    QuietLogging.apply();
    try {
      RunningServices services =
          shutdown.add("services", new RunningServices(plan, Set.of(options.service())));
      services.start(1, SERVICE_TIMEOUT);
      return plan.url(options.service());
    } catch (ServiceFailedException e) {
      shutdown.close();
      throw new LocalStartupException(e.getMessage(), e);
    } catch (InterruptedException e) {
      shutdown.close();
      Thread.currentThread().interrupt();
      throw new LocalStartupException("interrupted while starting", e);
    }
  }

  /**
   * The plan local mode would make, with the other services at their configured ports (where their
   * own processes listen) and this instance at its own.
   */
  static ServicePlan plan(LocalSettings settings, LaunchOptions options) {
    AgenticService service = options.service();
    List<String> missing = new ArrayList<>();
    if (settings.kafkaBootstrapServers() == null) {
      missing.add("KAFKA_BOOTSTRAP_SERVERS");
    }
    if (settings.mongoUri() == null) {
      missing.add("MONGODB_URI");
    }
    if (settings.redisUrl() == null) {
      missing.add("REDIS_URL");
    }
    boolean needsSecret = service == AgenticService.GATEWAY || service == AgenticService.AUTH;
    if (needsSecret && !settings.properties().containsKey(LocalSettings.GATEWAY_SECRET)) {
      missing.add(LocalSettings.GATEWAY_SECRET);
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "--service "
              + service.serviceName()
              + " needs "
              + String.join(", ", missing)
              + " (start the infrastructure with --infra-only, or use ./agentic multi)");
    }
    Map<AgenticService, Integer> ports = new EnumMap<>(AgenticService.class);
    settings
        .ports()
        .forEach(
            (other, port) -> {
              if (port == 0) {
                throw new IllegalArgumentException(
                    other.portVariable() + " must name a port in the multi-process mode, not 0");
              }
              ports.put(other, port);
            });
    ports.put(service, options.portFor(ports.get(service)));
    Map<String, String> properties = new LinkedHashMap<>(QuietLogging.PROPERTIES);
    properties.putAll(settings.properties());
    if (service == AgenticService.ANALYTICS && options.instance() > 1) {
      // Kafka Streams locks its state directory: every instance needs its own
      properties.put(
          "spring.kafka.streams.state-dir",
          settings
              .dataDir()
              .resolve("analytics")
              .resolve("streams-" + options.instance())
              .toString());
    }
    return new ServicePlan(
        ports,
        settings.kafkaBootstrapServers(),
        settings.mongoUri(),
        settings.redisUrl(),
        settings.dataDir(),
        settings.kafkaPartitions(),
        properties);
  }
}
