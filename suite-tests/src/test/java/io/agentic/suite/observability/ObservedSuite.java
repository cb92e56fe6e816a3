package io.agentic.suite.observability;

import io.agentic.local.LocalMode;
import io.agentic.local.LocalSettings;
import io.agentic.local.LocalSuite;
import io.agentic.local.services.AgenticService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The suite in local mode as the observability tests need it, started once per test JVM and shared
 * by them: the suite's {@code Suite} has no admin and no span collector, so this one adds an admin
 * account ({@code AGENTIC_ADMIN_EMAIL}/{@code AGENTIC_ADMIN_PASSWORD}) and {@link SpanCollector} on
 * every service context. Kafka and MongoDB embedded in a temporary directory, the real Redis at
 * {@code REDIS_URL}, every service on a free port, one HTTP target on the allow-list that also
 * answers as Gemini.
 */
final class ObservedSuite {

  static final String ADMIN_EMAIL = "observer-admin@example.com";
  static final String ADMIN_PASSWORD = "observer admin password 1234";

  private static LocalSuite suite;
  private static EchoTarget target;
  private static RuntimeException failedStart;

  private ObservedSuite() {}

  static synchronized LocalSuite local() {
    if (failedStart != null) {
      throw new IllegalStateException(
          "the observed suite did not start: " + failedStart.getMessage(), failedStart);
    }
    if (suite == null) {
      try {
        startOnce();
      } catch (RuntimeException e) {
        failedStart = e;
        throw e;
      }
    }
    return suite;
  }

  static Http gateway() {
    return new Http(local().gatewayUrl());
  }

  /** A service's own port, past the gateway. */
  static Http service(String name) {
    return new Http(local().serviceUrl(name));
  }

  static EchoTarget target() {
    local();
    return target;
  }

  static String adminToken() {
    return gateway().login(ADMIN_EMAIL, ADMIN_PASSWORD);
  }

  /** Stops one service and starts it again on its port; the others keep running. */
  static void restart(AgenticService service) {
    local().restart(service);
  }

  /** INPUT → TRANSFORM → OUTPUT: runs without any outside service. */
  static JsonNode doubler(String run) {
    return Http.JSON.readTree(
        """
        {"name": "Doubler %s", "tags": ["suite-tests"],
         "nodes": [
           {"id": "in", "type": "INPUT", "data": {"fields": {"n": "number"}}},
           {"id": "double", "type": "TRANSFORM", "data": {"expression": "inputs.n * 2"}},
           {"id": "out", "type": "OUTPUT", "data": {"value": "nodes.double.output"}}],
         "edges": [{"source": "in", "target": "double"}, {"source": "double", "target": "out"}]}
        """
            .formatted(run));
  }

  /** INPUT → AI_PROCESSOR (Gemini: the target) → OUTPUT. */
  static JsonNode writer(String run) {
    return Http.JSON.readTree(
        """
        {"name": "Writer %s", "tags": ["suite-tests"],
         "nodes": [
           {"id": "in", "type": "INPUT", "data": {}},
           {"id": "write", "type": "AI_PROCESSOR",
            "data": {"taskType": "content_generation", "prompt": "Say pong %s", "maxTokens": 20}},
           {"id": "out", "type": "OUTPUT", "data": {"value": "nodes.write.output.text"}}],
         "edges": [{"source": "in", "target": "write"}, {"source": "write", "target": "out"}]}
        """
            .formatted(run, run));
  }

  /** INPUT → HTTP_REQUEST (GET the target) → OUTPUT. */
  static JsonNode caller(String run, String url) {
    return Http.JSON.readTree(
        """
        {"name": "Caller %s", "tags": ["suite-tests"],
         "nodes": [
           {"id": "in", "type": "INPUT", "data": {}},
           {"id": "call", "type": "HTTP_REQUEST", "data": {"method": "GET", "url": "%s"}},
           {"id": "out", "type": "OUTPUT", "data": {"value": "nodes.call.output.body.answer"}}],
         "edges": [{"source": "in", "target": "call"}, {"source": "call", "target": "out"}]}
        """
            .formatted(run, url));
  }

  private static void startOnce() {
    target = EchoTarget.start();
    Path dataDir = temporaryDataDir();
    LocalSettings settings =
        LocalSettings.onFreePorts(dataDir)
            .withRedisUrl(redisUrl())
            .withKafkaPartitions(2)
            .withProperties(properties(target))
            .withInitializers(SpanCollector.class);
    try {
      suite = LocalMode.start(settings);
    } catch (RuntimeException e) {
      target.close();
      deleteRecursively(dataDir);
      throw e;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  suite.close();
                  target.close();
                  deleteRecursively(dataDir);
                },
                "observed-suite-shutdown"));
  }

  /** As the suite's {@code Suite}: millisecond-scale consumer timings; plus the admin. */
  private static Map<String, Object> properties(EchoTarget allowed) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("agentic.kafka.retry-backoff", "20ms");
    p.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
    p.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "200");
    p.put("spring.kafka.consumer.properties.max.poll.interval.ms", "30000");
    p.put("spring.kafka.consumer.properties.metadata.max.age.ms", "1000");
    p.put("spring.kafka.listener.poll-timeout", "200ms");
    p.put("spring.kafka.producer.properties.linger.ms", "0");
    p.put("agentic.http.allow-hosts", allowed.hostAndPort());
    // every trace recorded, so that the one under test is never left out
    p.put("management.tracing.sampling.probability", "1.0");
    p.put("agentic.auth.admin-email", ADMIN_EMAIL);
    p.put("agentic.auth.admin-password", ADMIN_PASSWORD);
    // AI steps and chat completions go to the target as if it were Gemini
    p.put("GEMINI_BASE_URL", "http://" + allowed.hostAndPort());
    p.put("GEMINI_API_KEY", "fake-gemini-key");
    return p;
  }

  private static String redisUrl() {
    String url = System.getenv("REDIS_URL");
    return url == null || url.isBlank() ? "redis://127.0.0.1:6379" : url;
  }

  private static Path temporaryDataDir() {
    try {
      return Files.createTempDirectory("agentic-observed-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is not worth failing a run for
    }
  }
}
