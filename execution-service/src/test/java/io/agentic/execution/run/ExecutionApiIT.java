package io.agentic.execution.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentic.execution.support.Api;
import io.agentic.execution.support.Api.Answer;
import io.agentic.execution.support.FakeWorkflowService;
import io.agentic.execution.support.IntegrationTest;
import io.agentic.execution.support.ScriptedHttpStep;
import io.agentic.execution.support.Tokens;
import io.agentic.execution.support.WorkflowSeeder;
import io.agentic.execution.workflows.WorkflowCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

class ExecutionApiIT extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired KafkaTemplate<String, Object> kafka;
  @Autowired WorkflowCatalog catalog;
  @Autowired ScriptedHttpStep httpStep;

  Api api;
  WorkflowSeeder workflows;
  String owner;
  String ownerToken;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    workflows = new WorkflowSeeder(kafka, catalog);
    owner = WorkflowSeeder.newUser();
    ownerToken = Tokens.bearer(owner, "user");
  }

  private Answer start(String token, Object body, String query, String... headers) {
    return api.post("/api/executions" + query, token, body, headers);
  }

  private Answer awaitStatus(String id, String token, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> status.equals(api.get("/api/executions/" + id, token).at("status")));
    return api.get("/api/executions/" + id, token);
  }

  @Test
  void runsInputTransformHttpOutputThroughTheBrokerAndAnswersWhenItEnds() {
    // given a workflow published by workflow-service
    String workflowId = workflows.publish("api-flow", owner);

    // when its owner starts it and waits
    Answer answer =
        start(
            ownerToken,
            Map.of("workflowId", workflowId, "inputs", Map.of("city", "Paris")),
            "?wait=true");

    // then the finished execution comes back, as API.md shapes it
    assertThat(answer.status()).isEqualTo(200);
    String id = answer.at("id");
    assertThat(answer.header("Location")).isEqualTo("/api/executions/" + id);
    assertThat(answer.json())
        .containsKeys(
            "id",
            "workflowId",
            "workflowVersion",
            "userId",
            "status",
            "startTime",
            "endTime",
            "duration",
            "inputs",
            "outputs",
            "nodeResults",
            "logs",
            "metrics")
        .doesNotContainKey("error");
    assertThat(answer.json())
        .containsEntry("status", "completed")
        .containsEntry("workflowId", workflowId)
        .containsEntry("workflowVersion", 1)
        .containsEntry("userId", owner)
        .containsEntry("inputs", Map.of("city", "Paris"));
    assertThat(answer.<Map<String, Object>>at("outputs"))
        .isEqualTo(
            Map.of(
                "out",
                Map.of(
                    "method", "POST",
                    "url", "https://weather.example.test/Paris",
                    "echo", Map.of("place", "Paris!"))));
    Map<String, Object> call = answer.at("nodeResults.call");
    assertThat(call)
        .containsEntry("status", "completed")
        .containsEntry("attempts", 1)
        .containsEntry("error", null)
        .containsKeys("startedAt", "finishedAt", "durationMs");
    // credentials are redacted wherever an output is shown
    assertThat(answer.<String>at("nodeResults.call.output.headers.Set-Cookie")).isEqualTo("***");
    assertThat(answer.<Map<String, Object>>at("nodeResults"))
        .containsOnlyKeys("in", "prepare", "call", "out");
    assertThat(answer.<Map<String, Object>>at("metrics"))
        .containsEntry("totalNodes", 4)
        .containsEntry("successfulNodes", 4)
        .containsEntry("failedNodes", 0)
        .containsEntry("skippedNodes", 0)
        .containsEntry("aiCallsCount", 0);
    assertThat(answer.<List<Map<String, Object>>>at("logs"))
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).containsKeys("nodeId", "timestamp", "level", "message"));
    // and the step ran once
    assertThat(httpStep.runsOf(id + ":call:1")).isEqualTo(1);
    assertThat(api.get("/api/executions/" + id, ownerToken).json()).isEqualTo(answer.json());
  }

  @Test
  void answers202AtOnceWithoutWait() {
    String workflowId = workflows.publish("short-delay", owner);

    Answer answer =
        start(ownerToken, Map.of("workflowId", workflowId, "inputs", Map.of("a", 1)), "");

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.<String>at("status")).isIn("pending", "running", "completed");
    Answer done = awaitStatus(answer.at("id"), ownerToken, "completed");
    // DELAY passed its input on after its durable timer fired
    assertThat(done.<Map<String, Object>>at("outputs")).isEqualTo(Map.of("out", Map.of("a", 1)));
  }

  @Test
  void answers202WhenTheWaitTimesOut() {
    String workflowId = workflows.publish("long-delay", owner);

    Answer answer =
        start(
            ownerToken,
            Map.of("workflowId", workflowId, "inputs", Map.of()),
            "?wait=true&timeoutMs=300");

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.<String>at("status")).isIn("pending", "running");
    api.postEmpty("/api/executions/" + answer.at("id") + "/stop", ownerToken);
  }

  @Test
  void rejectsAWaitLongerThanAMinute() {
    String workflowId = workflows.publish("short-delay", owner);

    Answer answer =
        start(ownerToken, Map.of("workflowId", workflowId), "?wait=true&timeoutMs=60001");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json()).containsEntry("code", "VALIDATION_FAILED");
    assertThat(answer.<List<Map<String, Object>>>at("errors"))
        .extracting(e -> e.get("field"))
        .containsExactly("timeoutMs");
  }

  @Test
  void answers404ForAnUnknownWorkflow() {
    Answer answer = start(ownerToken, Map.of("workflowId", "wf-" + UUID.randomUUID()), "");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json()).containsEntry("code", "NOT_FOUND");
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void answers404ForSomeoneElsesPrivateWorkflowAnd403ForViewers() {
    String workflowId = workflows.publish("short-delay", owner);

    Answer stranger =
        start(
            Tokens.bearer(WorkflowSeeder.newUser(), "user"), Map.of("workflowId", workflowId), "");
    Answer viewer =
        start(
            Tokens.bearer(WorkflowSeeder.newUser(), "viewer"),
            Map.of("workflowId", workflowId),
            "");

    assertThat(stranger.status()).isEqualTo(404);
    assertThat(viewer.status()).isEqualTo(403);
    assertThat(viewer.json()).containsEntry("code", "FORBIDDEN");
  }

  @Test
  void letsAnyoneStartAPublicWorkflowButNotAnArchivedOne() {
    String publicId = workflows.publish("short-delay", owner, List.of(), true, "active");
    String archivedId = workflows.publish("short-delay", owner, List.of(), false, "archived");
    String stranger = Tokens.bearer(WorkflowSeeder.newUser(), "user");

    assertThat(start(stranger, Map.of("workflowId", publicId), "").status()).isEqualTo(202);
    Answer archived = start(ownerToken, Map.of("workflowId", archivedId), "");
    assertThat(archived.status()).isEqualTo(409);
    assertThat(archived.json()).containsEntry("code", "WORKFLOW_ARCHIVED");
  }

  @Test
  void answers404ForADeletedWorkflow() {
    String workflowId = workflows.publish("short-delay", owner);
    workflows.access(workflowId, owner, List.of(), false, "active", true);
    await().until(() -> catalog.knownAccess(workflowId).map(a -> a.deleted()).orElse(false));

    assertThat(start(ownerToken, Map.of("workflowId", workflowId), "").status()).isEqualTo(404);
  }

  @Test
  void listsEveryInputThatDoesNotMatchTheInputFields() {
    String workflowId = workflows.publish("api-flow", owner);

    Answer answer =
        start(ownerToken, Map.of("workflowId", workflowId, "inputs", Map.of("days", "three")), "");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json()).containsEntry("code", "INPUT_INVALID");
    assertThat(answer.<List<Map<String, Object>>>at("errors"))
        .containsExactlyInAnyOrder(
            Map.of("field", "inputs.city", "message", "is required"),
            Map.of("field", "inputs.days", "message", "must be an integer"));
  }

  @Test
  void rejectsBadJsonAndMissingFields() {
    Answer malformed = start(ownerToken, "{\"workflowId\": ", "");
    Answer noWorkflow = start(ownerToken, Map.of("inputs", Map.of()), "");
    Answer inputsNotAnObject = start(ownerToken, "{\"workflowId\": \"w\", \"inputs\": [1]}", "");
    Answer badVersion = start(ownerToken, Map.of("workflowId", "w", "version", 0), "");

    assertThat(List.of(malformed, noWorkflow, inputsNotAnObject, badVersion))
        .allSatisfy(
            a -> {
              assertThat(a.status()).isEqualTo(400);
              assertThat(a.json()).containsKey("code");
            });
    assertThat(noWorkflow.<List<Map<String, Object>>>at("errors"))
        .containsExactly(Map.of("field", "workflowId", "message", "is required"));
  }

  @Test
  void answers401WithoutAToken() {
    assertThat(start(null, Map.of("workflowId", "w"), "").status()).isEqualTo(401);
    assertThat(api.get("/api/executions", null).status()).isEqualTo(401);
  }

  @Test
  void startsAVersionTheReadModelHasNotSeenByAskingWorkflowService() {
    // given a workflow only workflow-service knows about so far
    String workflowId = "wf-" + UUID.randomUUID();
    String json =
        """
        {"id": "%s", "name": "fresh", "status": "active", "isPublic": false, "version": 1,
         "ownerId": "%s", "permissions": {"owners": ["%s"], "editors": [], "viewers": []},
         "nodes": [{"id": "in", "type": "INPUT", "position": {"x": 1, "y": 2}, "data": {}},
                   {"id": "out", "type": "OUTPUT", "data": {"value": "inputs.n * 2"}}],
         "edges": [{"id": "e1", "source": "in", "target": "out"}],
         "tags": [], "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z"}
        """
            .formatted(workflowId, owner, owner);
    FakeWorkflowService.serve("/api/workflows/" + workflowId, json);
    FakeWorkflowService.serve("/api/workflows/" + workflowId + "/versions/1", json);

    // when its owner starts it
    Answer answer =
        start(
            ownerToken, Map.of("workflowId", workflowId, "inputs", Map.of("n", 21)), "?wait=true");

    // then it runs, and workflow-service was asked with the caller's token
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.<Map<String, Object>>at("outputs")).isEqualTo(Map.of("out", 42));
    assertThat(FakeWorkflowService.AUTHORIZATIONS).contains(ownerToken);
  }

  @Test
  void replaysTheSameExecutionForTheSameIdempotencyKey() {
    String workflowId = workflows.publish("short-delay", owner);
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = Map.of("workflowId", workflowId, "inputs", Map.of("a", 1, "b", 2));

    Answer first = start(ownerToken, body, "", "Idempotency-Key", key);
    Answer again =
        start(
            ownerToken,
            "{\"inputs\": {\"b\": 2, \"a\": 1}, \"workflowId\": \"" + workflowId + "\"}",
            "",
            "Idempotency-Key",
            key);
    Answer otherBody =
        start(
            ownerToken,
            Map.of("workflowId", workflowId, "inputs", Map.of("a", 9)),
            "",
            "Idempotency-Key",
            key);
    Answer otherUser =
        start(Tokens.bearer(WorkflowSeeder.newUser(), "admin"), body, "", "Idempotency-Key", key);

    assertThat(first.status()).isEqualTo(202);
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.<String>at("id")).isEqualTo(first.at("id"));
    assertThat(otherBody.status()).isEqualTo(422);
    assertThat(otherBody.json()).containsEntry("code", "IDEMPOTENCY_KEY_REUSED");
    // keys are per user
    assertThat(otherUser.status()).isEqualTo(202);
    assertThat(otherUser.<String>at("id")).isNotEqualTo(first.at("id"));
  }

  @Test
  void limitsRunningExecutionsPerUser() {
    String workflowId = workflows.publish("long-delay", owner);
    List<String> ids =
        IntStream.range(0, 3)
            .mapToObj(i -> start(ownerToken, Map.of("workflowId", workflowId), "").<String>at("id"))
            .toList();

    Answer fourth = start(ownerToken, Map.of("workflowId", workflowId), "");

    assertThat(fourth.status()).isEqualTo(429);
    assertThat(fourth.json()).containsEntry("code", "TOO_MANY_RUNNING");
    assertThat(fourth.header("Retry-After")).isNotBlank();

    // a finished execution frees its place at once
    api.postEmpty("/api/executions/" + ids.getFirst() + "/stop", ownerToken);
    awaitStatus(ids.getFirst(), ownerToken, "cancelled");
    Answer afterStop = start(ownerToken, Map.of("workflowId", workflowId), "");
    assertThat(afterStop.status()).isEqualTo(202);

    ids.forEach(id -> api.postEmpty("/api/executions/" + id + "/stop", ownerToken));
    api.postEmpty("/api/executions/" + afterStop.<String>at("id") + "/stop", ownerToken);
  }
}
