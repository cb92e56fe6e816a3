package io.agentic.suite.nodes;

import static io.agentic.suite.ai.Flows.errorCode;
import static io.agentic.suite.ai.Flows.nodeStatus;
import static io.agentic.suite.ai.Flows.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.suite.ai.AiSuite;
import io.agentic.suite.ai.FakeServer;
import io.agentic.suite.ai.Flows;
import io.agentic.suite.ai.Gateway;
import io.agentic.suite.ai.Gateway.Answer;
import io.agentic.suite.ai.Gateway.Session;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What a workflow must never be able to do: reach private networks, run code, hog the CPU. */
class SsrfIT {

  private final Gateway gateway = AiSuite.gateway();

  @Test
  void blocksEveryPrivateLoopbackOrNonHttpDestinationAndRedirectsToThem() {
    // given a workflow calling whatever URL its input names
    Session me = gateway.newUser();
    FakeServer blocked = AiSuite.blockedWeb();
    String run = Flows.runId();
    String id =
        gateway.save(
            workflow(
                "Any URL",
                """
                [{"id": "in", "type": "INPUT", "data": {"fields": {"url": "string"}}},
                 {"id": "call", "type": "HTTP_REQUEST", "data": {"method": "GET", "url": "{{ inputs.url }}",
                   "timeoutMs": 3000}},
                 {"id": "out", "type": "OUTPUT", "data": {"value": "nodes.call.output.status"}}]
                """,
                """
                [{"source": "in", "target": "call"}, {"source": "call", "target": "out"}]
                """),
            me.token());
    String toBlocked = blocked.url("/ssrf/" + run + "/redirected");
    List<String> urls =
        List.of(
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/",
            "http://172.16.0.1/",
            "http://192.168.1.1/",
            "http://[::1]:" + blocked.port() + "/ssrf/" + run + "/v6",
            "http://[fd00::1]/",
            "http://[::ffff:127.0.0.1]:" + blocked.port() + "/ssrf/" + run + "/mapped",
            "http://127.0.0.2:" + blocked.port() + "/ssrf/" + run + "/127-0-0-2",
            "http://0.0.0.0:" + blocked.port() + "/ssrf/" + run + "/zero",
            "http://localhost:" + blocked.port() + "/ssrf/" + run + "/localhost",
            "file:///etc/passwd",
            "gopher://127.0.0.1:" + blocked.port() + "/_ssrf/" + run,
            AiSuite.allowedWeb()
                .url("/redirect?to=" + URLEncoder.encode(toBlocked, StandardCharsets.UTF_8)));

    // when each runs, then the node fails SSRF_BLOCKED every time
    List<String> wrong = new ArrayList<>();
    for (String url : urls) {
      JsonNode execution = gateway.run(id, Map.of("url", url), me.token());
      if (!"failed".equals(execution.path("status").asString())
          || !"failed".equals(nodeStatus(execution, "call"))
          || !"SSRF_BLOCKED".equals(errorCode(execution, "call"))) {
        wrong.add(
            url
                + " -> "
                + execution.path("status").asString()
                + " "
                + Flows.error(execution, "call"));
      }
    }
    assertThat(wrong).as("destinations not blocked as SSRF_BLOCKED").isEmpty();

    // and the blocked target saw nothing, the redirect was seen by the allowed one only
    assertThat(blocked.requestsMentioning(run)).isEmpty();
    assertThat(AiSuite.allowedWeb().requestsTo("/redirect")).isNotEmpty();
  }

  @Test
  void refusesLiteralDangerousDatabaseOperatorsAtSave() {
    Session me = gateway.newUser();
    for (String operator : List.of("$where", "$function", "$expr")) {
      String filter =
          switch (operator) {
            case "$where" -> "{\"$where\": \"sleep(1000) || true\"}";
            case "$function" ->
                "{\"x\": {\"$function\": {\"body\": \"function() {return true}\", \"args\": [],"
                    + " \"lang\": \"js\"}}}";
            default -> "{\"$expr\": {\"$gt\": [\"$a\", 1]}}";
          };
      Answer answer =
          gateway.post(
              "/api/workflows",
              workflow(
                  "Operator " + operator,
                  """
                  [{"id": "in", "type": "INPUT", "data": {}},
                   {"id": "find", "type": "DATABASE", "data": {"operation": "find", "collection": "notes",
                     "filter": %s}}]
                  """
                      .formatted(filter),
                  "[{\"source\": \"in\", \"target\": \"find\"}]"),
              me.token());
      assertThat(answer.status()).as("%s: %s", operator, answer).isEqualTo(400);
      assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
      assertThat(answer.body()).as("%s", operator).contains(operator);
    }
  }

  @Test
  void refusesDangerousDatabaseOperatorsInjectedThroughInputs() {
    Session me = gateway.newUser();
    String id =
        gateway.save(
            workflow(
                "Templated filter",
                """
                [{"id": "in", "type": "INPUT", "data": {}},
                 {"id": "find", "type": "DATABASE", "data": {"operation": "find", "collection": "notes",
                   "filter": {"name": "{{ inputs.q }}"}}}]
                """,
                "[{\"source\": \"in\", \"target\": \"find\"}]"),
            me.token());
    List<Map<String, Object>> injections =
        List.of(
            Map.of("$where", "sleep(1000) || true"),
            Map.of("$function", Map.of("body", "function() {return true}", "args", List.of())),
            Map.of("$expr", Map.of("$gt", List.of("$a", 1))));

    for (Map<String, Object> q : injections) {
      JsonNode execution = gateway.run(id, Map.of("q", q), me.token());
      assertThat(execution.path("status").asString())
          .as("%s: %s", q, execution)
          .isEqualTo("failed");
      assertThat(errorCode(execution, "find"))
          .as("%s: %s", q, Flows.error(execution, "find"))
          .isEqualTo("DATABASE_OPERATOR_REFUSED");
    }
  }

  @Test
  void refusesExpressionEscapesAtSave() {
    Session me = gateway.newUser();
    for (String expression :
        List.of(
            "this.constructor.constructor('return process')()",
            "T(java.lang.Runtime).getRuntime().exec('id')")) {
      Answer answer =
          gateway.post(
              "/api/workflows",
              workflow(
                  "Escape",
                  """
                  [{"id": "in", "type": "INPUT", "data": {}},
                   {"id": "evil", "type": "TRANSFORM", "data": {"expression": %s}}]
                  """
                      .formatted(Gateway.JSON.writeValueAsString(expression)),
                  "[{\"source\": \"in\", \"target\": \"evil\"}]"),
              me.token());
      assertThat(answer.status()).as("%s: %s", expression, answer).isEqualTo(400);
      assertThat(answer.json().path("code").asString())
          .as("%s: %s", expression, answer)
          .isEqualTo("EXPRESSION_INVALID");
      assertThat(answer.body()).contains("evil");
    }
  }

  @Test
  void stopsARunawayExpressionWithinASecond() {
    Session me = gateway.newUser();
    String id =
        gateway.save(
            workflow(
                "Runaway",
                """
                [{"id": "in", "type": "INPUT", "data": {}},
                 {"id": "burn", "type": "TRANSFORM", "data": {"expression":
                   "inputs.xs.map(a, inputs.xs.map(b, inputs.xs.map(c, a + b + c)))"}},
                 {"id": "out", "type": "OUTPUT", "data": {"value": "nodes.burn.output"}}]
                """,
                """
                [{"source": "in", "target": "burn"}, {"source": "burn", "target": "out"}]
                """),
            me.token());
    List<Integer> xs = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      xs.add(i);
    }

    long before = System.nanoTime();
    JsonNode execution = gateway.run(id, Map.of("xs", xs), me.token());
    long tookMs = (System.nanoTime() - before) / 1_000_000;

    assertThat(execution.path("status").asString()).as("%s", execution).isEqualTo("failed");
    assertThat(errorCode(execution, "burn"))
        .as("%s", Flows.error(execution, "burn"))
        .isEqualTo("EXPRESSION_LIMIT");
    JsonNode burn = execution.path("nodeResults").path("burn");
    if (burn.has("durationMs") && burn.path("durationMs").isNumber()) {
      assertThat(burn.path("durationMs").asLong()).as("%s", burn).isLessThanOrEqualTo(1000);
    }
    assertThat(tookMs).as("the whole run, start to answer").isLessThan(10_000);
  }
}
