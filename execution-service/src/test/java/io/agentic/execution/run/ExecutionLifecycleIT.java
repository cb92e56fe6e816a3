package io.agentic.execution.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentic.execution.support.Api;
import io.agentic.execution.support.Api.Answer;
import io.agentic.execution.support.IntegrationTest;
import io.agentic.execution.support.ScriptedHttpStep;
import io.agentic.execution.support.Tokens;
import io.agentic.execution.support.WorkflowSeeder;
import io.agentic.execution.workflows.WorkflowCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

class ExecutionLifecycleIT extends IntegrationTest {

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

  private String startAs(String token, String workflowId, Map<String, Object> inputs) {
    Answer answer =
        api.post("/api/executions", token, Map.of("workflowId", workflowId, "inputs", inputs));
    assertThat(answer.status()).as("start: %s", answer.json()).isEqualTo(202);
    return answer.at("id");
  }

  private Answer awaitStatus(String id, String token, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> status.equals(api.get("/api/executions/" + id, token).at("status")));
    return api.get("/api/executions/" + id, token);
  }

  @Test
  void showsAnExecutionToItsStarterTheWorkflowOwnersAndAdminsOnly() {
    // given a public workflow started by someone who does not own it
    String workflowId = workflows.publish("short-delay", owner, List.of(), true, "active");
    String starter = WorkflowSeeder.newUser();
    String id = startAs(Tokens.bearer(starter, "user"), workflowId, Map.of());

    // then
    assertThat(api.get("/api/executions/" + id, Tokens.bearer(starter, "user")).status())
        .isEqualTo(200);
    assertThat(api.get("/api/executions/" + id, ownerToken).status()).isEqualTo(200);
    assertThat(
            api.get("/api/executions/" + id, Tokens.bearer(WorkflowSeeder.newUser(), "admin"))
                .status())
        .isEqualTo(200);
    Answer stranger =
        api.get("/api/executions/" + id, Tokens.bearer(WorkflowSeeder.newUser(), "user"));
    assertThat(stranger.status()).isEqualTo(404);
    assertThat(stranger.json()).containsEntry("code", "NOT_FOUND");
    assertThat(api.get("/api/executions/" + UUID.randomUUID(), ownerToken).status()).isEqualTo(404);
    // and nobody else may stop or retry it either
    String strangerToken = Tokens.bearer(WorkflowSeeder.newUser(), "user");
    assertThat(api.postEmpty("/api/executions/" + id + "/stop", strangerToken).status())
        .isEqualTo(404);
    assertThat(api.postEmpty("/api/executions/" + id + "/retry", strangerToken).status())
        .isEqualTo(404);
  }

  @Test
  void listsWhatTheCallerMaySeeNewestFirst() {
    String workflowId = workflows.publish("short-delay", owner, List.of(), true, "active");
    Instant before = Instant.now();
    String mine1 = startAs(ownerToken, workflowId, Map.of());
    String mine2 = startAs(ownerToken, workflowId, Map.of());
    String other = WorkflowSeeder.newUser();
    String theirs = startAs(Tokens.bearer(other, "user"), workflowId, Map.of());
    awaitStatus(theirs, ownerToken, "completed");

    // the owner sees all three executions of their workflow, newest first
    Answer owners = api.get("/api/executions?workflowId=" + workflowId + "&size=10", ownerToken);
    assertThat(owners.status()).isEqualTo(200);
    assertThat(owners.json())
        .containsEntry("page", 0)
        .containsEntry("size", 10)
        .containsEntry("total", 3);
    assertThat(owners.<List<Map<String, Object>>>at("items"))
        .extracting(e -> e.get("id"))
        .containsExactly(theirs, mine2, mine1);

    // the other user sees only theirs
    Answer others =
        api.get("/api/executions?workflowId=" + workflowId, Tokens.bearer(other, "user"));
    assertThat(others.<List<Map<String, Object>>>at("items"))
        .extracting(e -> e.get("id"))
        .containsExactly(theirs);

    // filters and paging
    Answer completed =
        api.get(
            "/api/executions?workflowId=" + workflowId + "&status=completed&from=" + before,
            ownerToken);
    assertThat(completed.<List<Map<String, Object>>>at("items"))
        .extracting(e -> e.get("id"))
        .contains(theirs);
    Answer secondPage =
        api.get("/api/executions?workflowId=" + workflowId + "&page=1&size=2", ownerToken);
    assertThat(secondPage.<List<Map<String, Object>>>at("items"))
        .extracting(e -> e.get("id"))
        .containsExactly(mine1);
    Answer none = api.get("/api/executions?workflowId=" + workflowId + "&to=" + before, ownerToken);
    assertThat(none.json()).containsEntry("total", 0);
  }

  @Test
  void rejectsBadListParameters() {
    for (String query :
        List.of("size=101", "size=0", "page=-1", "status=done", "from=yesterday", "page=x")) {
      Answer answer = api.get("/api/executions?" + query, ownerToken);
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.json()).as(query).containsKey("code");
    }
  }

  @Test
  void stopsARunningExecutionAndRefusesToStopItTwice() {
    String workflowId = workflows.publish("long-delay", owner);
    String id = startAs(ownerToken, workflowId, Map.of());
    awaitStatus(id, ownerToken, "running");

    Answer stopped = api.postEmpty("/api/executions/" + id + "/stop", ownerToken);

    assertThat(stopped.status()).isEqualTo(200);
    assertThat(stopped.json()).containsEntry("status", "cancelled");
    assertThat(stopped.<String>at("nodeResults.pause.status")).isEqualTo("cancelled");
    assertThat(stopped.json()).containsKey("endTime");
    Answer again = api.postEmpty("/api/executions/" + id + "/stop", ownerToken);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json()).containsEntry("code", "EXECUTION_ENDED");
  }

  @Test
  void retriesAFailedExecutionKeepingWhatCompleted() {
    // given an execution whose HTTP step fails on both its attempts
    String token = UUID.randomUUID().toString();
    httpStep.failing.add(token);
    String workflowId = workflows.publish("toggled-call", owner);
    String id = startAs(ownerToken, workflowId, Map.of("token", token));
    Answer failed = awaitStatus(id, ownerToken, "failed");
    assertThat(failed.<Map<String, Object>>at("error"))
        .containsEntry("code", "HTTP_STATUS")
        .containsEntry("nodeId", "call");
    assertThat(failed.<Integer>at("nodeResults.call.attempts")).isEqualTo(2);
    String inputFinishedAt = failed.at("nodeResults.in.finishedAt");

    // when the endpoint recovers and the execution is retried
    httpStep.failing.remove(token);
    Answer retried = api.postEmpty("/api/executions/" + id + "/retry", ownerToken);

    // then it runs the failed node again, under the same id, and completes
    assertThat(retried.status()).isEqualTo(202);
    Answer done = awaitStatus(id, ownerToken, "completed");
    assertThat(done.<Map<String, Object>>at("outputs")).isEqualTo(Map.of("out", 200));
    assertThat(done.<Integer>at("nodeResults.call.attempts")).isEqualTo(3);
    assertThat(done.<String>at("nodeResults.in.finishedAt")).isEqualTo(inputFinishedAt);
    assertThat(done.json()).doesNotContainKey("error");
    assertThat(httpStep.runsOf(id + ":call:3")).isEqualTo(1);

    // and a completed execution cannot be retried
    Answer again = api.postEmpty("/api/executions/" + id + "/retry", ownerToken);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json()).containsEntry("code", "EXECUTION_NOT_RETRYABLE");
    Answer stop = api.postEmpty("/api/executions/" + id + "/stop", ownerToken);
    assertThat(stop.status()).isEqualTo(409);
  }

  @Test
  void retriesAStepWithBackoffWithinOneRun() {
    String workflowId = workflows.publish("toggled-call", owner);

    String id = startAs(ownerToken, workflowId, Map.of("token", "flaky-once/" + UUID.randomUUID()));

    Answer done = awaitStatus(id, ownerToken, "completed");
    assertThat(done.<Integer>at("nodeResults.call.attempts")).isEqualTo(2);
    assertThat(httpStep.runsOf(id + ":call:1")).isEqualTo(1);
    assertThat(httpStep.runsOf(id + ":call:2")).isEqualTo(1);
    assertThat(done.<List<Map<String, Object>>>at("logs"))
        .anySatisfy(l -> assertThat((String) l.get("message")).contains("Attempt 1 failed"));
  }

  @Test
  void onlyAdminsDeleteExecutions() {
    String workflowId = workflows.publish("short-delay", owner);
    String id = startAs(ownerToken, workflowId, Map.of());

    assertThat(api.delete("/api/executions/" + id, ownerToken).status()).isEqualTo(403);
    assertThat(
            api.delete("/api/executions/" + id, Tokens.bearer(WorkflowSeeder.newUser(), "admin"))
                .status())
        .isEqualTo(204);
    assertThat(api.get("/api/executions/" + id, ownerToken).status()).isEqualTo(404);
  }
}
