package io.agentic.suite;

import io.agentic.local.LocalMode;
import io.agentic.local.LocalSettings;
import io.agentic.local.LocalSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole suite in local mode, started once per test JVM and shared by every test class: Kafka
 * and MongoDB embedded in a temporary directory, the real Redis at {@code REDIS_URL} (default
 * {@code redis://127.0.0.1:6379}), every service on a free port. Two HTTP targets stand in for the
 * outside world: one on the HTTP_REQUEST allow-list, one not. Tests keep apart by using fresh
 * users, never by resetting shared state.
 */
final class Suite {

  /** The admin local mode creates at start-up, as AGENTIC_ADMIN_EMAIL/PASSWORD would. */
  static final String ADMIN_EMAIL = "suite-admin@example.com";

  static final String ADMIN_PASSWORD = "suite admin password 1";

  /** Few partitions keep rebalances quick; every execution topic has the same count. */
  static final int PARTITIONS = 2;

  private static LocalSuite suite;
  private static GatewayClient gateway;
  private static HttpTarget allowedTarget;
  private static HttpTarget blockedTarget;
  private static RuntimeException failedStart;

  private Suite() {}

  static GatewayClient gateway() {
    start();
    return gateway;
  }

  /** Reachable from HTTP_REQUEST nodes although it is on loopback: it is on the allow-list. */
  static HttpTarget allowedTarget() {
    start();
    return allowedTarget;
  }

  /** On loopback and not on the allow-list: HTTP_REQUEST nodes must never reach it. */
  static HttpTarget blockedTarget() {
    start();
    return blockedTarget;
  }

  static LocalSuite localSuite() {
    start();
    return suite;
  }

  /** Starts the suite on first use; a failed start is reported to every later test at once. */
  private static synchronized void start() {
    if (failedStart != null) {
      throw new IllegalStateException(
          "the suite did not start: " + failedStart.getMessage(), failedStart);
    }
    if (suite != null) {
      return;
    }
    try {
      startOnce();
    } catch (RuntimeException e) {
      failedStart = e;
      throw e;
    }
  }

  private static void startOnce() {
    allowedTarget = HttpTarget.start();
    blockedTarget = HttpTarget.start();
    Path dataDir = temporaryDataDir();
    LocalSettings settings =
        LocalSettings.onFreePorts(dataDir)
            .withRedisUrl(redisUrl())
            .withKafkaPartitions(PARTITIONS)
            .withProperties(testProperties(allowedTarget));
    try {
      suite = LocalMode.start(settings);
    } catch (RuntimeException e) {
      allowedTarget.close();
      blockedTarget.close();
      deleteRecursively(dataDir);
      throw e;
    }
    gateway = new GatewayClient(suite.gatewayUrl());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  suite.close();
                  allowedTarget.close();
                  blockedTarget.close();
                  deleteRecursively(dataDir);
                },
                "suite-shutdown"));
  }

  static String redisUrl() {
    String url = System.getenv("REDIS_URL");
    return url == null || url.isBlank() ? "redis://127.0.0.1:6379" : url;
  }

  /**
   * Millisecond-scale consumer timings (as in test-support's {@code TestInfrastructure}) so that
   * rebalances and retries do not dominate the tests, and the allowed target on the allow-list.
   */
  static Map<String, Object> testProperties(HttpTarget allowed) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("agentic.kafka.retry-backoff", "20ms");
    p.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
    p.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "200");
    p.put("spring.kafka.consumer.properties.max.poll.interval.ms", "30000");
    p.put("spring.kafka.consumer.properties.metadata.max.age.ms", "1000");
    p.put("spring.kafka.listener.poll-timeout", "200ms");
    p.put("spring.kafka.producer.properties.linger.ms", "0");
    // retries and DELAYs of a few milliseconds fire within a tenth of a second, not a second
    p.put("agentic.execution.timer-poll-interval", "100ms");
    p.put("agentic.auth.admin-email", ADMIN_EMAIL);
    p.put("agentic.auth.admin-password", ADMIN_PASSWORD);
    if (allowed != null) {
      p.put("agentic.http.allow-hosts", allowed.hostAndPort());
    }
    return p;
  }

  static Path temporaryDataDir() {
    try {
      return Files.createTempDirectory("agentic-suite-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is not worth failing a run for
    }
  }
}
