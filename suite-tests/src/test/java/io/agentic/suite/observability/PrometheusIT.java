package io.agentic.suite.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.local.services.AgenticService;
import io.agentic.suite.observability.Http.Answer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every service's {@code /actuator/prometheus}, on its own port and without a token (the gateway's
 * too): the HTTP server metrics, the Kafka consumer metrics of the services that consume, the
 * {@code service} tag on every sample, and the suite's own metrics ({@code AgenticMetrics}) that
 * each service must emit once the traffic below has gone through it.
 */
class PrometheusIT {

  /** The services with {@code @KafkaListener}s (analytics-service reads through Kafka Streams). */
  private static final Set<String> KAFKA_CONSUMERS =
      Set.of("execution-service", "ai-router-service");

  /** The suite's own metrics, as Prometheus names them, and the tags each must carry. */
  private static final Map<String, List<String>> SUITE_METRICS =
      Map.of(
          "agentic_steps_seconds", List.of("type", "outcome"),
          "agentic_provider_calls_seconds", List.of("provider", "outcome"),
          "agentic_cache_requests_total", List.of("cache", "result"));

  /** One series a service must show: a sample of {@code metric} carrying each of {@code tags}. */
  private record Series(String metric, List<String> tags) {
    Series(String metric, String... tags) {
      this(metric, List.of(tags));
    }

    boolean shownBy(String line) {
      return line.startsWith(metric + "{") && tags.stream().allMatch(line::contains);
    }
  }

  /**
   * What each service emits of the suite's metrics (AgenticMetrics' table), after the traffic of
   * {@link #someTrafficThroughEveryService}. auth-service and analytics-service have none of their
   * own: their HTTP and Kafka metrics are checked by the other tests.
   */
  private static final Map<String, List<Series>> OWN_METRICS =
      Map.of(
          "gateway-service",
          List.of(
              new Series("agentic_cache_requests_total", "cache=\"api-key\"", "result=\"miss\""),
              new Series("agentic_cache_requests_total", "cache=\"api-key\"", "result=\"hit\"")),
          "workflow-service",
          List.of(new Series("agentic_cache_requests_total", "cache=\"workflow\"")),
          "execution-service",
          List.of(
              new Series(
                  "agentic_steps_seconds_count", "type=\"http_request\"", "outcome=\"success\"")),
          "ai-router-service",
          List.of(
              new Series(
                  "agentic_steps_seconds_count", "type=\"ai_processor\"", "outcome=\"success\""),
              new Series(
                  "agentic_provider_calls_seconds_count",
                  "provider=\"gemini\"",
                  "outcome=\"success\""),
              new Series("agentic_cache_requests_total", "cache=\"ai-answer\"")));

  @BeforeAll
  static void someTrafficThroughEveryService() {
    // an HTTP step (execution-service's worker), workflow reads (its cache), an AI status read
    Http gateway = ObservedSuite.gateway();
    String user = gateway.newUserToken();
    String workflowId =
        gateway.saveWorkflow(
            ObservedSuite.caller(shortId(), ObservedSuite.target().url("/metrics-run")), user);
    Answer run =
        gateway.post(
            "/api/executions?wait=true&timeoutMs=30000",
            Map.of("workflowId", workflowId, "inputs", Map.of()),
            user);
    assertThat(run.json().path("status").asString()).as("%s", run).isEqualTo("completed");
    assertThat(gateway.get("/api/workflows/" + workflowId, user).status()).isEqualTo(200);
    assertThat(gateway.get("/api/workflows/" + workflowId, user).status()).isEqualTo(200);
    gateway.get("/api/ai/providers", user);
    gateway.get("/api/dashboard/overview", ObservedSuite.adminToken());

    // an AI step (ai-router-service's worker and a provider call)
    String writerId = gateway.saveWorkflow(ObservedSuite.writer(shortId()), user);
    Answer wrote =
        gateway.post(
            "/api/executions?wait=true&timeoutMs=30000",
            Map.of("workflowId", writerId, "inputs", Map.of()),
            user);
    assertThat(wrote.json().path("status").asString()).as("%s", wrote).isEqualTo("completed");

    // an API key, used twice (the gateway's key cache: a miss, then a hit), the second time for a
    // deterministic chat completion (ai-router-service's answer cache)
    Answer key = gateway.post("/api/auth/api-keys", Map.of("name", "metrics " + shortId()), user);
    assertThat(key.status()).as("%s", key).isEqualTo(201);
    Map<String, String> withKey = Map.of("X-API-Key", key.json().path("key").asString());
    assertThat(gateway.get("/api/workflows/" + workflowId, null, withKey).status()).isEqualTo(200);
    Answer chat =
        gateway.post(
            "/v1/chat/completions",
            Map.of(
                "model",
                "auto",
                "temperature",
                0,
                "messages",
                List.of(Map.of("role", "user", "content", "Say pong " + shortId()))),
            null,
            withKey);
    assertThat(chat.status()).as("%s", chat).isEqualTo(200);
  }

  @Test
  void everyServiceExposesHttpServerMetricsTaggedWithItsName() {
    for (AgenticService service : AgenticService.values()) {
      String name = service.serviceName();
      String text = scrape(name);

      assertThat(samples(text, "http_server_requests_seconds_count"))
          .as("%s: http_server_requests", name)
          .isNotEmpty()
          .allSatisfy(line -> assertThat(line).contains("service=\"" + name + "\""));
      assertThat(samplesWithout(text, "service=\"" + name + "\""))
          .as("%s: every sample carries service=\"%s\"", name, name)
          .isEmpty();
    }
  }

  @Test
  void theKafkaConsumersExposeConsumerMetrics() {
    for (String name : KAFKA_CONSUMERS) {
      assertThat(samples(scrape(name), "kafka_consumer_"))
          .as("%s: Kafka consumer metrics", name)
          .isNotEmpty()
          .allSatisfy(line -> assertThat(line).contains("service=\"" + name + "\""));
    }
    // analytics-service reads through Kafka Streams: its clients' metrics, whichever it shows
    String analytics = scrape("analytics-service");
    System.out.printf(
        "[observability] analytics-service: kafka_consumer_* %d samples, kafka_stream_* %d%n",
        samples(analytics, "kafka_consumer_").size(), samples(analytics, "kafka_stream").size());
  }

  @Test
  void everyServiceEmitsItsOwnSuiteMetrics() {
    for (var service : OWN_METRICS.entrySet()) {
      String name = service.getKey();
      List<String> lines = scrape(name).lines().toList();
      for (Series series : service.getValue()) {
        assertThat(lines)
            .as("%s: %s%s", name, series.metric(), series.tags())
            .anySatisfy(line -> assertThat(series.shownBy(line)).isTrue());
      }
    }
  }

  @Test
  void theSuiteMetricsCarryTheirTagsWhereverTheyAppear() {
    Map<String, List<String>> found = new LinkedHashMap<>();
    for (AgenticService service : AgenticService.values()) {
      String name = service.serviceName();
      String text = scrape(name);
      for (var metric : SUITE_METRICS.entrySet()) {
        List<String> lines = samples(text, metric.getKey());
        if (!lines.isEmpty()) {
          found.computeIfAbsent(metric.getKey(), k -> new ArrayList<>()).add(name);
        }
        for (String line : lines) {
          assertThat(line).as("%s", name).contains("service=\"" + name + "\"");
          for (String tag : metric.getValue()) {
            assertThat(line).as("%s: tag %s", name, tag).contains(tag + "=\"");
          }
        }
      }
    }
    System.out.println("[observability] suite metrics found: " + found);
  }

  /** A scraper's read: no token, every service included. */
  private static String scrape(String service) {
    Answer answer = ObservedSuite.service(service).getText("/actuator/prometheus", null);
    assertThat(answer.status()).as("%s /actuator/prometheus: %s", service, answer).isEqualTo(200);
    return answer.body();
  }

  private static List<String> samples(String text, String prefix) {
    return text.lines().filter(l -> l.startsWith(prefix)).toList();
  }

  private static List<String> samplesWithout(String text, String tag) {
    return text.lines()
        .filter(l -> !l.startsWith("#") && !l.isBlank() && !l.contains(tag))
        .toList();
  }

  private static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }
}
