package io.agentic.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.workflow.NodeType;
import io.agentic.platform.kafka.AgenticKafkaProperties;
import io.agentic.platform.kafka.KafkaTopics;
import io.agentic.platform.web.RequestIds;
import io.agentic.testsupport.TestInfrastructureInitializer;
import io.agentic.testsupport.TestSpans;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service gets from the platform's defaults: trace context crosses Kafka and HTTP (one
 * trace, the ids in every log line, as JSON when asked for), the metrics Prometheus scrapes, and
 * readiness that looks at the infrastructure.
 */
@SpringBootTest(
    classes = ObservabilityIT.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=observability-it",
      "spring.kafka.consumer.group-id=observability-it",
      "agentic.security.public-paths=/probe/**",
      "agentic.log-format=json",
      "management.tracing.sampling.probability=1.0",
      "management.endpoint.health.group.readiness.show-components=always",
      "management.endpoint.health.group.liveness.show-components=always"
    })
@ContextConfiguration(initializers = {TestInfrastructureInitializer.class, TestSpans.class})
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired ObservationRegistry observations;
  @Autowired Tracer tracer;
  @Autowired KafkaTemplate<String, Object> kafka;
  @Autowired RestClient.Builder http;
  @Autowired StepWorker worker;
  @Autowired ApplicationContext context;
  @Autowired TraceContinuation traces;

  @AfterAll
  static void textLogsForLaterContexts() {
    // Boot keeps the console format in a JVM-wide system property a later start does not reset.
    System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
  }

  @Test
  void aKafkaRecordCarriesTheTraceToTheListenerItsSpanAndItsLogs(CapturedOutput output) {
    String executionId = "exec-" + UUID.randomUUID();

    String traceId = inObservation("test.dispatch", () -> send(executionId));

    Seen seen =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> worker.seen(executionId), s -> s != null);
    assertThat(seen.traceId()).isEqualTo(traceId);
    assertThat(seen.mdcTraceId()).isEqualTo(traceId);
    assertThat(seen.mdcSpanId()).isNotBlank();
    assertThat(seen.mdcExecutionId()).isEqualTo(executionId);

    SpanData consumer = await().until(() -> span(traceId, SpanKind.CONSUMER), s -> s != null);
    SpanData producer = span(traceId, SpanKind.PRODUCER);
    assertThat(producer).isNotNull();
    assertThat(consumer.getParentSpanId()).isEqualTo(producer.getSpanId());
    assertThat(consumer.getAttributes().get(AttributeKey.stringKey("agentic.execution.id")))
        .isEqualTo(executionId);

    JsonNode line = jsonLine(output, "worked on " + executionId);
    assertThat(line.path("traceId").asString()).isEqualTo(traceId);
    assertThat(line.path("spanId").asString()).isEqualTo(consumer.getSpanId());
    assertThat(line.path("executionId").asString()).isEqualTo(executionId);
    assertThat(line.path("service").path("name").asString()).isEqualTo("observability-it");
  }

  @Test
  void anHttpCallFromBootsBuilderKeepsTheTraceAndTheRequestId(CapturedOutput output) {
    RestClient client = http.baseUrl("http://localhost:" + port).build();
    String requestId = "req-" + UUID.randomUUID();
    Map<String, Object> answer = new ConcurrentHashMap<>();

    String traceId =
        inObservation(
            "test.call",
            () ->
                answer.putAll(
                    client
                        .get()
                        .uri("/probe/trace")
                        .header(RequestIds.HEADER, requestId)
                        .retrieve()
                        .body(new ParameterizedTypeReference<Map<String, Object>>() {})));

    assertThat(answer)
        .containsEntry("traceId", traceId)
        .containsEntry("mdcTraceId", traceId)
        .containsEntry("requestId", requestId);
    SpanData server = await().until(() -> span(traceId, SpanKind.SERVER), s -> s != null);
    SpanData caller = span(traceId, SpanKind.CLIENT);
    assertThat(caller).isNotNull();
    assertThat(server.getParentSpanId()).isEqualTo(caller.getSpanId());
    JsonNode line = jsonLine(output, "probed by " + requestId);
    assertThat(line.path("traceId").asString()).isEqualTo(traceId);
    assertThat(line.path("requestId").asString()).isEqualTo(requestId);
  }

  @Test
  void workResumedLaterStaysInTheTraceThatStartedIt() {
    String executionId = "exec-" + UUID.randomUUID();
    String[] stored = new String[1];
    String traceId = inObservation("test.accept", () -> stored[0] = traces.current());
    assertThat(tracer.currentSpan()).isNull();

    traces.resume(stored[0], "test.relay", () -> send(executionId));

    Seen seen =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> worker.seen(executionId), s -> s != null);
    assertThat(stored[0]).startsWith("00-" + traceId + "-");
    assertThat(seen.traceId()).isEqualTo(traceId);
    assertThat(seen.mdcExecutionId()).isEqualTo(executionId);
  }

  @Test
  void withoutAStoredTraceResumedWorkStartsANewOne() {
    assertThat(traces.current()).isNull();

    String traceId =
        traces.resume(null, "test.relay", () -> tracer.currentSpan().context().traceId());

    assertThat(traceId).hasSize(32);
    assertThat(tracer.currentSpan()).isNull();
  }

  @Test
  void contextExecutorsCarryTheTraceAndTheIdsToThePoolAndNoFurther() throws Exception {
    ExecutorService pool = ContextExecutors.wrap(Executors.newSingleThreadExecutor());
    String executionId = "exec-" + UUID.randomUUID();
    Seen[] inPool = new Seen[1];
    try {
      String traceId =
          inObservation(
              "test.handoff",
              () -> {
                try (var scope = ExecutionLogContext.open(executionId, "call")) {
                  inPool[0] = pool.submit(this::seeNow).get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      Seen afterwards = pool.submit(this::seeNow).get(10, TimeUnit.SECONDS);

      assertThat(inPool[0].traceId()).isEqualTo(traceId);
      assertThat(inPool[0].mdcTraceId()).isEqualTo(traceId);
      assertThat(inPool[0].mdcExecutionId()).isEqualTo(executionId);
      assertThat(inPool[0].mdcNodeId()).isEqualTo("call");
      assertThat(afterwards.traceId()).isNull();
      assertThat(afterwards.mdcTraceId()).isNull();
      assertThat(afterwards.mdcExecutionId()).isNull();
      assertThat(afterwards.mdcNodeId()).isNull();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void prometheusShowsHttpAndKafkaMetricsTaggedWithTheService() {
    String executionId = "exec-" + UUID.randomUUID();
    send(executionId);
    await().atMost(Duration.ofSeconds(30)).until(() -> worker.seen(executionId) != null);
    RestClient client = http.baseUrl("http://localhost:" + port).build();
    client.get().uri("/actuator/health").retrieve().toBodilessEntity();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(client.get().uri("/actuator/prometheus").retrieve().body(String.class))
                    .contains("http_server_requests_seconds_count{")
                    .contains("http_client_requests_seconds_count{")
                    .contains("kafka_consumer_fetch_manager_records_lag_max{")
                    .contains("spring_kafka_listener_seconds_count{")
                    .contains("spring_kafka_template_seconds_count{")
                    .contains("service=\"observability-it\""));
  }

  @Test
  void readinessLooksAtKafkaAndRedisWhileLivenessLooksOnlyAtTheProcess() {
    RestClient client =
        http.baseUrl("http://localhost:" + port)
            .defaultStatusHandler(status -> true, (request, response) -> {})
            .build();

    var readiness =
        client.get().uri("/actuator/health/readiness").retrieve().toEntity(JsonNode.class);
    var liveness =
        client.get().uri("/actuator/health/liveness").retrieve().toEntity(JsonNode.class);

    assertThat(readiness.getStatusCode().value()).isEqualTo(200);
    assertThat(readiness.getBody().path("components").propertyNames())
        .containsExactlyInAnyOrder("readinessState", "kafka", "redis");
    assertThat(readiness.getBody().path("components").path("kafka").path("status").asString())
        .isEqualTo("UP");
    assertThat(liveness.getStatusCode().value()).isEqualTo(200);
    assertThat(liveness.getBody().path("components").propertyNames())
        .containsExactly("livenessState");
  }

  @Test
  void withoutAnEndpointNoSpanIsExportedAnywhere() {
    assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
  }

  private String inObservation(String name, Runnable work) {
    Observation observation = Observation.start(name, observations);
    try (Observation.Scope scope = observation.openScope()) {
      String traceId = tracer.currentSpan().context().traceId();
      work.run();
      return traceId;
    } finally {
      observation.stop();
    }
  }

  private void send(String executionId) {
    try {
      kafka.send(Topics.STEPS_HTTP, executionId, step(executionId)).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Seen seeNow() {
    return Seen.now(tracer);
  }

  private static SpanData span(String traceId, SpanKind kind) {
    return TestSpans.ofTrace(traceId).stream()
        .filter(s -> s.getKind() == kind)
        .findFirst()
        .orElse(null);
  }

  private static JsonNode jsonLine(CapturedOutput output, String message) {
    Supplier<String> line =
        () ->
            output
                .getOut()
                .lines()
                .filter(l -> l.startsWith("{") && l.contains(message))
                .findFirst()
                .orElse(null);
    return JSON.readTree(await().until(line::get, l -> l != null));
  }

  private static ExecuteStep step(String executionId) {
    return new ExecuteStep(
        ExecuteStep.stepId(executionId, "call", 1),
        executionId,
        executionId,
        "wf-1",
        "u-1",
        "call",
        NodeType.HTTP_REQUEST,
        1,
        Map.of(),
        1000,
        Instant.now());
  }

  /** The trace and the ids as one thread saw them. */
  record Seen(
      String traceId,
      String mdcTraceId,
      String mdcSpanId,
      String mdcExecutionId,
      String mdcNodeId) {
    static Seen now(Tracer tracer) {
      Span span = tracer.currentSpan();
      return new Seen(
          span == null ? null : span.context().traceId(),
          MDC.get("traceId"),
          MDC.get("spanId"),
          MDC.get(ExecutionLogContext.MDC_KEY),
          MDC.get(ExecutionLogContext.NODE_MDC_KEY));
    }
  }

  /** A worker as the services write them: the execution id in its logs from the first line. */
  static class StepWorker {
    private static final Logger log = LoggerFactory.getLogger(StepWorker.class);

    private final Tracer tracer;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    StepWorker(Tracer tracer) {
      this.tracer = tracer;
    }

    @KafkaListener(topics = Topics.STEPS_HTTP)
    void on(ExecuteStep step) {
      try (var scope = ExecutionLogContext.open(step.executionId())) {
        log.info("worked on {}", step.executionId());
        seen.put(step.executionId(), Seen.now(tracer));
      }
    }

    Seen seen(String executionId) {
      return seen.get(executionId);
    }
  }

  @RestController
  static class Probe {
    private static final Logger log = LoggerFactory.getLogger(Probe.class);

    private final Tracer tracer;

    Probe(Tracer tracer) {
      this.tracer = tracer;
    }

    @GetMapping("/probe/trace")
    Map<String, String> trace() {
      log.info("probed by {}", MDC.get(RequestIds.MDC_KEY));
      return Map.of(
          "traceId", tracer.currentSpan().context().traceId(),
          "mdcTraceId", MDC.get("traceId"),
          "requestId", MDC.get(RequestIds.MDC_KEY));
    }
  }

  @Configuration
  @EnableAutoConfiguration
  @Import(Probe.class)
  static class App {
    @Bean
    StepWorker stepWorker(Tracer tracer) {
      return new StepWorker(tracer);
    }

    @Bean
    KafkaAdmin.NewTopics topics(AgenticKafkaProperties properties) {
      return KafkaTopics.with(properties).topic(Topics.STEPS_HTTP).declare();
    }
  }
}
