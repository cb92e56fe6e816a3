package io.agentic.local;

import io.agentic.local.infra.FreePorts;
import io.agentic.local.infra.Infrastructure;
import io.agentic.local.services.AgenticService;
import io.agentic.local.services.RunningServices;
import io.agentic.local.services.ServiceFailedException;
import io.agentic.local.services.ServicePlan;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local mode: the whole suite in one JVM for a newcomer. Starts Kafka, MongoDB and Redis (embedded
 * unless external addresses are given, persisted under the data directory), then the six services,
 * each in its own Spring context and port, and prints one line once every service answers healthy.
 */
public final class LocalMode {

  private static final Logger log = LoggerFactory.getLogger(LocalMode.class);

  /**
   * Contexts started at once; {@code -Dagentic.local.start-threads=N} overrides it. On two cores
   * (see the README) one thread takes 19 s, two to six 14-14.6 s: start-up is CPU-bound, and three
   * keeps both cores busy while a context waits on I/O.
   */
  static final int START_THREADS = Integer.getInteger("agentic.local.start-threads", 3);

  /**
   * From the infrastructure being up, how long the services may take to start and be healthy before
   * local mode gives up on one (a hung start, not a slow machine: a start takes 15-30 s).
   */
  static final Duration SERVICES_TIMEOUT = Duration.ofSeconds(120);

  private LocalMode() {}

  /**
   * {@code ./agentic start}: the whole suite. With {@code --infra-only} only Kafka, MongoDB and
   * Redis; with {@code --service <name>} only that service, against the infrastructure named by
   * {@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI} and {@code REDIS_URL} ({@code ./agentic
   * multi}).
   */
  public static void main(String[] args) {
    LocalSettings settings;
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(args);
      settings = LocalSettings.fromEnvironment(System.getenv());
      if (options.mode() == LaunchOptions.Mode.SERVICE) {
        MultiProcessMode.plan(settings, options); // reports missing settings before anything starts
      }
    } catch (IllegalArgumentException e) {
      System.err.println("Agentic could not start: " + e.getMessage());
      System.exit(2);
      return;
    }
    ShutdownSequence shutdown = new ShutdownSequence();
    Runtime.getRuntime().addShutdownHook(new Thread(shutdown::close, "agentic-shutdown"));
    switch (options.mode()) {
      case INFRA_ONLY -> runInfrastructure(settings, shutdown);
      case SERVICE -> runService(settings, options, shutdown);
      case ALL -> runAll(settings, shutdown);
    }
  }

  private static void runInfrastructure(LocalSettings settings, ShutdownSequence shutdown) {
    try {
      System.out.println(MultiProcessMode.startInfrastructure(settings, shutdown));
      new CountDownLatch(1).await(); // until SIGTERM/Ctrl-C runs the shutdown hook
    } catch (IOException | RuntimeException e) {
      shutdown.close();
      System.err.println("Agentic could not start: " + reason(e));
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void runService(
      LocalSettings settings, LaunchOptions options, ShutdownSequence shutdown) {
    try {
      String url = MultiProcessMode.startService(settings, options, shutdown);
      double seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
      System.out.printf(
          Locale.ROOT,
          "Agentic %s is ready on %s (started in %.1f s)%n",
          options.service().serviceName(),
          url,
          seconds);
      new CountDownLatch(1).await();
    } catch (LocalStartupException e) {
      System.err.println("Agentic could not start: " + e.getMessage());
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void runAll(LocalSettings settings, ShutdownSequence shutdown) {
    try {
      LocalSuite suite = start(settings, shutdown);
      double seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
      System.out.printf(
          Locale.ROOT, "Agentic is ready on %s (started in %.1f s)%n", suite.gatewayUrl(), seconds);
      suite.awaitClosed();
    } catch (LocalStartupException e) {
      System.err.println("Agentic could not start: " + e.getMessage());
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Starts the suite and returns once every service answers healthy.
   *
   * @throws LocalStartupException with a one-line reason; whatever had started is stopped
   */
  public static LocalSuite start(LocalSettings settings) {
    return start(settings, new ShutdownSequence());
  }

  private static LocalSuite start(LocalSettings settings, ShutdownSequence shutdown) {
    long began = System.nanoTime();
    QuietLogging.apply();
    try {
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
      log.debug("infrastructure ready after {} ms", millisSince(began));
      RunningServices services =
          shutdown.add("services", new RunningServices(plan(settings, infra)));
      services.start(START_THREADS, SERVICES_TIMEOUT);
      log.debug("services healthy after {} ms", millisSince(began));
      return new LocalSuite(
          settings,
          services,
          shutdown,
          Duration.ofNanos(System.nanoTime() - began),
          infra.kafkaBootstrapServers(),
          infra.mongoUri(),
          infra.redisUrl());
    } catch (ServiceFailedException e) {
      shutdown.close();
      throw new LocalStartupException(e.getMessage(), e);
    } catch (InterruptedException e) {
      shutdown.close();
      Thread.currentThread().interrupt();
      throw new LocalStartupException("interrupted while starting", e);
    } catch (IOException | RuntimeException e) {
      shutdown.close();
      throw new LocalStartupException(reason(e), e);
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static ServicePlan plan(LocalSettings settings, Infrastructure infra) {
    Map<AgenticService, Integer> ports = new EnumMap<>(AgenticService.class);
    settings
        .ports()
        .forEach((service, port) -> ports.put(service, port == 0 ? FreePorts.next() : port));
    Map<String, String> properties = new LinkedHashMap<>(QuietLogging.PROPERTIES);
    properties.put(LocalSettings.GATEWAY_SECRET, randomSecret());
    properties.putAll(settings.properties());
    return new ServicePlan(
        ports,
        infra.kafkaBootstrapServers(),
        infra.mongoUri(),
        infra.redisUrl(),
        settings.dataDir(),
        settings.kafkaPartitions(),
        properties);
  }

  /** For this run only: the gateway and auth-service live and die together in local mode. */
  private static String randomSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String reason(Exception e) {
    Throwable innermost = e;
    while (innermost.getCause() != null && innermost.getMessage() == null) {
      innermost = innermost.getCause();
    }
    String message = innermost.getMessage() != null ? innermost.getMessage() : innermost.toString();
    return message.lines().findFirst().orElse(message);
  }
}
