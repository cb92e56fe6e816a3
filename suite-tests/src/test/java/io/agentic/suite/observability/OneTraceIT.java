package io.agentic.suite.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentic.suite.observability.Http.Answer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One execution is one trace across services: the client's {@code traceparent} is continued by the
 * gateway, execution-service's API, its orchestrator and its HTTP worker. Spans are collected in
 * memory from every service context ({@link SpanCollector}).
 */
class OneTraceIT {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void oneExecutionIsOneTraceFromTheGatewayToTheHttpWorker() {
    // given a user and an INPUT -> HTTP_REQUEST -> OUTPUT workflow, and a trace the client starts
    Http gateway = ObservedSuite.gateway();
    String user = gateway.newUserToken();
    String path = "/trace-" + shortId();
    String workflowId =
        gateway.saveWorkflow(
            ObservedSuite.caller(shortId(), ObservedSuite.target().url(path)), user);
    String traceId = hex(16);
    String traceparent = "00-" + traceId + "-" + hex(8) + "-01";

    // when it runs through the gateway, waiting for the end
    Answer run =
        gateway.post(
            "/api/executions?wait=true&timeoutMs=30000",
            Map.of("workflowId", workflowId, "inputs", Map.of()),
            user,
            Map.of("traceparent", traceparent));
    assertThat(run.status()).as("%s", run).isEqualTo(200);
    assertThat(run.json().path("status").asString()).as("%s", run).isEqualTo("completed");
    String executionId = run.json().path("id").asString();

    // then the gateway's and execution-service's server spans, and execution-service's consumer
    // spans (orchestrator, HTTP worker) are all in the client's trace
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              List<SpanData> trace = SpanCollector.ofTrace(traceId);
              String why = describe(traceId, executionId);
              assertThat(trace)
                  .as("gateway server span\n%s", why)
                  .anyMatch(span("gateway-service", SpanKind.SERVER, ""));
              assertThat(trace)
                  .as("execution-service server span\n%s", why)
                  .anyMatch(span("execution-service", SpanKind.SERVER, ""));
              assertThat(trace)
                  .as("orchestrator consumer span (execution.commands.v1)\n%s", why)
                  .anyMatch(span("execution-service", SpanKind.CONSUMER, "execution.commands.v1"));
              assertThat(trace)
                  .as("HTTP worker consumer span (execution.steps.http.v1)\n%s", why)
                  .anyMatch(
                      span("execution-service", SpanKind.CONSUMER, "execution.steps.http.v1"));
              assertThat(trace)
                  .as("orchestrator consumer span of the step result\n%s", why)
                  .anyMatch(
                      span("execution-service", SpanKind.CONSUMER, "execution.step-results.v1"));
            });

    // and the workflow's HTTP call was made once. Whether it carries the trace outward is not
    // asserted: the HTTP_REQUEST worker's client (GuardedHttpClient, plain Apache HttpClient) is
    // not observed, so it sends no traceparent and opens no CLIENT span (see the report).
    assertThat(ObservedSuite.target().requestsTo(path)).hasSize(1);
    System.out.println(
        "[observability] traceparent the called service saw: "
            + ObservedSuite.target().requestsTo(path).getFirst().traceparent());
  }

  private static Predicate<SpanData> span(String service, SpanKind kind, String nameContains) {
    return span ->
        service.equals(SpanCollector.service(span))
            && span.getKind() == kind
            && span.getName().contains(nameContains);
  }

  /**
   * What the collector holds for this execution: the spans of the client's trace, and those of
   * other traces naming the execution (where the trace broke, the rest continues under a new id).
   */
  private static String describe(String traceId, String executionId) {
    List<SpanData> ours = SpanCollector.ofTrace(traceId);
    Map<String, List<SpanData>> others =
        SpanCollector.all().stream()
            .filter(s -> !s.getTraceId().equals(traceId))
            .filter(
                s ->
                    executionId.equals(
                        s.getAttributes()
                            .get(
                                io.opentelemetry.api.common.AttributeKey.stringKey(
                                    "agentic.execution.id"))))
            .collect(Collectors.groupingBy(SpanData::getTraceId));
    StringBuilder out = new StringBuilder("client trace " + traceId + ":\n");
    ours.forEach(s -> out.append("  ").append(line(s)).append('\n'));
    others.forEach(
        (id, spans) -> {
          out.append("other trace ").append(id).append(" naming the execution:\n");
          spans.forEach(s -> out.append("  ").append(line(s)).append('\n'));
        });
    return out.toString();
  }

  private static String line(SpanData s) {
    return SpanCollector.service(s)
        + " "
        + s.getKind()
        + " '"
        + s.getName()
        + "' span="
        + s.getSpanId()
        + " parent="
        + s.getParentSpanId();
  }

  private static String hex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }
}
