package io.agentic.suite;

import static io.agentic.suite.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.suite.GatewayClient.Answer;
import io.agentic.suite.GatewayClient.Session;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A newcomer's first path through the gateway, over HTTP, exactly as a user would take it:
 * register, log in, save a workflow, run it and read the result, and the errors met on the way.
 */
class FirstPathIT {

  private final GatewayClient gateway = Suite.gateway();

  @Test
  void runsAWorkflowThatTransformsCallsAServiceAndReturnsItsAnswer() {
    // given a new user and a workflow INPUT -> TRANSFORM -> HTTP_REQUEST -> OUTPUT
    Session me = gateway.newUser();
    String topic = "topic" + shortId();
    HttpTarget target = Suite.allowedTarget();
    JsonNode workflow =
        Workflows.load("first-path", Map.of("run", topic, "targetUrl", target.url("")));

    Answer created = gateway.post("/api/workflows", workflow, me.token());
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.json().path("version").asInt()).isEqualTo(1);
    assertThat(created.json().path("ownerId").asString()).isEqualTo(me.userId());
    assertThat(created.header("ETag")).isNotBlank();
    assertThat(created.header("X-Request-Id")).isNotBlank();
    String workflowId = created.json().path("id").asString();

    // when it runs at once, waiting for the end
    Answer run =
        gateway.post(
            "/api/executions?wait=true&timeoutMs=30000",
            Map.of("workflowId", workflowId, "inputs", Map.of("topic", topic)),
            me.token());

    // then it completed, with the outputs, every node's result and the metrics
    assertThat(run.status()).as("%s", run).isEqualTo(200);
    JsonNode execution = run.json();
    assertCompleted(execution, workflowId, me, topic);
    String executionId = execution.path("id").asString();

    // and reading it back gives the same execution
    Answer read = gateway.get("/api/executions/" + executionId, me.token());
    assertThat(read.status()).as("%s", read).isEqualTo(200);
    assertCompleted(read.json(), workflowId, me, topic);
    assertThat(read.json().path("outputs")).isEqualTo(execution.path("outputs"));

    // and the service was called once, with the templated URL and body and an idempotency key
    List<HttpTarget.Request> calls = target.requestsTo("/echo/" + topic);
    assertThat(calls).hasSize(1);
    HttpTarget.Request call = calls.getFirst();
    assertThat(call.method()).isEqualTo("POST");
    JsonNode sent = GatewayClient.JSON.readTree(call.body());
    assertThat(sent.path("greeting").asString()).isEqualTo("hello " + topic);
    assertThat(sent.path("size").isIntegralNumber()).as("typed substitution: %s", sent).isTrue();
    assertThat(sent.path("size").asInt()).isEqualTo(topic.length());
    assertThat(call.header("Idempotency-Key"))
        .as("the step id executionId:nodeId:attempt")
        .isEqualTo(executionId + ":call:1");
  }

  private static void assertCompleted(
      JsonNode execution, String workflowId, Session me, String topic) {
    assertThat(execution.path("status").asString()).as("%s", execution).isEqualTo("completed");
    assertThat(execution.path("workflowId").asString()).isEqualTo(workflowId);
    assertThat(execution.path("workflowVersion").asInt()).isEqualTo(1);
    assertThat(execution.path("userId").asString()).isEqualTo(me.userId());
    assertThat(execution.path("inputs").path("topic").asString()).isEqualTo(topic);
    assertThat(execution.path("outputs").path("out").asString())
        .isEqualTo("hello " + topic + " / pong");
    for (String node : List.of("in", "shape", "call", "out")) {
      JsonNode result = execution.path("nodeResults").path(node);
      assertThat(result.path("status").asString())
          .as("node %s: %s", node, result)
          .isEqualTo("completed");
      assertThat(result.path("attempts").asInt()).as("attempts of %s", node).isEqualTo(1);
    }
    assertThat(execution.path("nodeResults").path("call").path("output").path("status").asInt())
        .isEqualTo(200);
    JsonNode metrics = execution.path("metrics");
    assertThat(metrics.path("totalNodes").asInt()).isEqualTo(4);
    assertThat(metrics.path("successfulNodes").asInt()).isEqualTo(4);
    assertThat(metrics.path("failedNodes").asInt()).isZero();
    assertThat(metrics.path("skippedNodes").asInt()).isZero();
    assertThat(metrics.path("aiCallsCount").asInt()).isZero();
    assertThat(execution.path("startTime").asString()).isNotBlank();
    assertThat(execution.path("endTime").asString()).isNotBlank();
    assertThat(execution.path("duration").isNumber()).isTrue();
  }

  @Test
  void blocksACallToALoopbackPortThatIsNotAllowed() {
    // given a workflow whose HTTP_REQUEST aims at a loopback port missing from the allow-list
    Session me = gateway.newUser();
    String topic = "ssrf" + shortId();
    HttpTarget blocked = Suite.blockedTarget();
    JsonNode workflow =
        Workflows.load("blocked-http", Map.of("run", topic, "targetUrl", blocked.url("")));
    Answer created = gateway.post("/api/workflows", workflow, me.token());
    assertThat(created.status()).as("%s", created).isEqualTo(201);

    // when it runs
    Answer run =
        gateway.post(
            "/api/executions?wait=true&timeoutMs=30000",
            Map.of(
                "workflowId",
                created.json().path("id").asString(),
                "inputs",
                Map.of("topic", topic)),
            me.token());

    // then the node fails as SSRF_BLOCKED, the execution fails, and the target saw nothing
    assertThat(run.status()).as("%s", run).isEqualTo(200);
    assertThat(run.json().path("status").asString()).isEqualTo("failed");
    JsonNode call = run.json().path("nodeResults").path("call");
    assertThat(call.path("status").asString()).as("%s", call).isEqualTo("failed");
    JsonNode error = call.path("error");
    String code = error.isObject() ? error.path("code").asString() : error.asString();
    assertThat(code).as("%s", error).contains("SSRF_BLOCKED");
    assertThat(run.json().path("nodeResults").path("out").path("status").asString())
        .isNotEqualTo("completed");
    assertThat(run.json().path("metrics").path("failedNodes").asInt()).isEqualTo(1);
    assertThat(blocked.requestsTo("/ssrf/" + topic)).isEmpty();
  }

  @Test
  void answersBadJsonWithAProblemOnEveryEndpointOfThePath() {
    Session me = gateway.newUser();
    String broken = "{\"username\": \"half";

    assertProblem(gateway.postRaw("/api/auth/register", broken, null), 400, "MALFORMED_JSON");
    assertProblem(gateway.postRaw("/api/auth/login", broken, null), 400, "MALFORMED_JSON");
    assertProblem(gateway.postRaw("/api/workflows", broken, me.token()), 400, "MALFORMED_JSON");
    assertProblem(gateway.postRaw("/api/executions", broken, me.token()), 400, "MALFORMED_JSON");
  }

  @Test
  void answersAMissingTokenWith401() {
    Map<String, Object> start =
        Map.of("workflowId", UUID.randomUUID().toString(), "inputs", Map.of());

    assertProblem(gateway.post("/api/workflows", Map.of("name", "x"), null), 401, "UNAUTHORIZED");
    assertProblem(gateway.get("/api/workflows", null), 401, "UNAUTHORIZED");
    assertProblem(gateway.post("/api/executions", start, null), 401, "UNAUTHORIZED");
    assertProblem(gateway.get("/api/executions/" + UUID.randomUUID(), null), 401, "UNAUTHORIZED");
    assertProblem(gateway.get("/api/auth/me", null), 401, "UNAUTHORIZED");
  }

  @Test
  void answersAnUnknownWorkflowOrExecutionWith404() {
    Session me = gateway.newUser();
    String unknown = UUID.randomUUID().toString();

    assertProblem(gateway.get("/api/workflows/" + unknown, me.token()), 404, "NOT_FOUND");
    assertProblem(
        gateway.post(
            "/api/executions", Map.of("workflowId", unknown, "inputs", Map.of()), me.token()),
        404,
        "NOT_FOUND");
    assertProblem(gateway.get("/api/executions/" + unknown, me.token()), 404, "NOT_FOUND");
  }

  @Test
  void listsEveryGraphErrorWhenAWorkflowIsInvalid() {
    Session me = gateway.newUser();
    JsonNode invalid = Workflows.load("invalid-graph", Map.of("run", shortId()));

    Answer answer = gateway.post("/api/workflows", invalid, me.token());

    assertProblem(answer, 400, "GRAPH_INVALID");
    JsonNode errors = answer.json().path("errors");
    assertThat(errors.isArray()).as("%s", answer).isTrue();
    assertThat(errors.size())
        .as("bad id, unknown type, edge to a missing node, no INPUT: %s", errors)
        .isGreaterThanOrEqualTo(4);
    for (JsonNode error : errors) {
      assertThat(error.path("message").asString()).as("%s", error).isNotBlank();
    }
  }

  private static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }
}
