package io.agentic.execution.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentic.execution.support.Api;
import io.agentic.execution.support.Api.Answer;
import io.agentic.execution.support.IntegrationTest;
import io.agentic.execution.support.SseClient;
import io.agentic.execution.support.Tokens;
import io.agentic.execution.support.WorkflowSeeder;
import io.agentic.execution.workflows.WorkflowCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

/** Large outputs stored apart, per-workflow statistics, the admin summary, and who sees what. */
class HistoryIT extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired KafkaTemplate<String, Object> kafka;
  @Autowired WorkflowCatalog catalog;

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

  private String start(String token, String workflowId, Map<String, Object> inputs) {
    Answer answer =
        api.post("/api/executions", token, Map.of("workflowId", workflowId, "inputs", inputs));
    assertThat(answer.status()).as("start: %s", answer.json()).isEqualTo(202);
    return answer.at("id");
  }

  private Answer awaitStatus(String id, String token, String status) {
    await()
        .atMost(PATIENCE)
        .until(() -> status.equals(api.get("/api/executions/" + id, token).at("status")));
    return api.get("/api/executions/" + id, token);
  }

  @Test
  void storesLargeOutputsApartAndServesThemWhole() {
    // given a node whose output is larger than 256 KiB
    String workflowId = workflows.publish("big-output", owner);
    String id = start(ownerToken, workflowId, Map.of("size", 300_000));

    Answer done = awaitStatus(id, ownerToken, "completed");

    // then the execution shows a reference in its place, in nodeResults and outputs alike
    String ref = "/api/executions/" + id + "/nodes/call/output";
    Map<String, Object> shown = done.at("nodeResults.call.output");
    assertThat(shown).containsOnlyKeys("outputRef", "sizeBytes").containsEntry("outputRef", ref);
    assertThat(((Number) shown.get("sizeBytes")).longValue()).isGreaterThan(300_000);
    assertThat(done.<Map<String, Object>>at("outputs.out"))
        .containsEntry("outputRef", "/api/executions/" + id + "/nodes/out/output");
    // while later nodes saw the whole value
    assertThat(done.<Integer>at("nodeResults.length.output")).isEqualTo(300_000);

    // and the whole value, redacted, comes from the output endpoint
    Answer whole = api.get(ref, ownerToken);
    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.header("Content-Type")).startsWith("application/json");
    assertThat(whole.<String>at("body.data")).hasSize(300_000);
    assertThat(whole.<String>at("headers.Set-Cookie")).isEqualTo("***");
    assertThat(api.get("/api/executions/" + id + "/nodes/length/output", ownerToken).status())
        .isEqualTo(200);
    Answer unknown = api.get("/api/executions/" + id + "/nodes/nope/output", ownerToken);
    assertThat(unknown.status()).isEqualTo(404);

    // and the event log carries the reference too
    try (SseClient events = SseClient.open(port, "/api/executions/" + id + "/events", ownerToken)) {
      await().atMost(PATIENCE).until(events::ended);
      Map<String, Object> callCompleted =
          events.events().stream()
              .map(SseClient.Event::json)
              .filter(e -> "call".equals(e.get("nodeId")) && e.containsKey("output"))
              .findFirst()
              .orElseThrow();
      assertThat(callCompleted.get("output")).isEqualTo(shown);
    }
  }

  @Test
  void servesASmallOutputWithItsSecretsRedacted() {
    String workflowId = workflows.publish("api-flow", owner);
    String id = start(ownerToken, workflowId, Map.of("city", "Oslo"));
    awaitStatus(id, ownerToken, "completed");

    Answer output = api.get("/api/executions/" + id + "/nodes/call/output", ownerToken);

    assertThat(output.status()).isEqualTo(200);
    assertThat(output.<Integer>at("status")).isEqualTo(200);
    assertThat(output.<String>at("headers.Set-Cookie")).isEqualTo("***");
  }

  @Test
  void countsTheExecutionsOfAWorkflowTheCallerMaySee() {
    // given a public workflow its owner ran five times, and a stranger once
    String workflowId = workflows.publish("outcome", owner, List.of(), true, "active");
    for (String outcome : List.of("ok", "ok", "fail")) {
      String id = start(ownerToken, workflowId, Map.of("outcome", outcome));
      await()
          .atMost(PATIENCE)
          .until(
              () ->
                  List.of("completed", "failed")
                      .contains(api.get("/api/executions/" + id, ownerToken).<String>at("status")));
    }
    String waiting = start(ownerToken, workflowId, Map.of("outcome", "wait"));
    awaitStatus(waiting, ownerToken, "running");
    String stillRunning = start(ownerToken, workflowId, Map.of("outcome", "wait"));
    awaitStatus(stillRunning, ownerToken, "running");
    assertThat(api.postEmpty("/api/executions/" + waiting + "/stop", ownerToken).status())
        .isEqualTo(200);
    String stranger = WorkflowSeeder.newUser();
    String strangerToken = Tokens.bearer(stranger, "user");
    awaitStatus(
        start(strangerToken, workflowId, Map.of("outcome", "ok")), strangerToken, "completed");
    String path = "/api/executions/workflow/" + workflowId + "/stats";

    // then its owner counts all six
    Answer owners = api.get(path, ownerToken);
    assertThat(owners.status()).isEqualTo(200);
    assertThat(owners.json())
        .containsEntry("total", 6)
        .containsEntry("completed", 3)
        .containsEntry("failed", 1)
        .containsEntry("cancelled", 1)
        .containsEntry("successRate", 0.6)
        .containsKeys("avgDurationMs", "p95DurationMs");
    // nearest rank over five ended executions: the 95th percentile is the slowest one
    assertThat(owners.<Number>at("p95DurationMs").longValue())
        .isGreaterThanOrEqualTo(owners.<Number>at("avgDurationMs").longValue());
    // an admin too
    assertThat(api.get(path, Tokens.bearer(WorkflowSeeder.newUser(), "admin")).json())
        .containsEntry("total", 6);
    // the stranger their own only
    assertThat(api.get(path, strangerToken).json())
        .containsEntry("total", 1)
        .containsEntry("completed", 1)
        .containsEntry("successRate", 1.0);
    // and someone who ran nothing, nothing
    assertThat(api.get(path, Tokens.bearer(WorkflowSeeder.newUser(), "user")).json())
        .containsEntry("total", 0)
        .containsEntry("successRate", null)
        .containsEntry("avgDurationMs", null)
        .containsEntry("p95DurationMs", null);
    api.postEmpty("/api/executions/" + stillRunning + "/stop", ownerToken);
  }

  @Test
  void summarisesEveryExecutionForAdminsOnly() {
    String workflowId = workflows.publish("leaf", owner);
    awaitStatus(start(ownerToken, workflowId, Map.of()), ownerToken, "completed");

    Answer admin = api.get("/api/executions/analytics/summary", Tokens.bearer("a", "admin"));
    Answer user = api.get("/api/executions/analytics/summary", ownerToken);

    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.<Map<String, Object>>at("byStatus"))
        .containsOnlyKeys("pending", "running", "completed", "failed", "cancelled");
    assertThat(admin.<Integer>at("byStatus.completed")).isPositive();
    assertThat(admin.<Integer>at("total")).isPositive();
    assertThat(admin.<List<Map<String, Object>>>at("topWorkflows"))
        .hasSizeBetween(1, 10)
        .allSatisfy(w -> assertThat(w).containsKeys("workflowId", "executions"));
    assertThat(admin.json()).containsKeys("successRate", "averageDurationMs");
    assertThat(user.status()).isEqualTo(403);
    assertThat(user.json()).containsEntry("code", "FORBIDDEN");
  }

  @Test
  void answers404ForSomeoneElsesIdsOnEveryEndpoint() {
    // given a private workflow and an execution of it
    String workflowId = workflows.publish("long-delay", owner);
    String id = start(ownerToken, workflowId, Map.of());
    awaitStatus(id, ownerToken, "running");
    String stranger = Tokens.bearer(WorkflowSeeder.newUser(), "user");
    String base = "/api/executions/" + id;

    // then for a stranger the execution and the workflow do not exist
    List<Answer> answers =
        List.of(
            api.get(base, stranger),
            api.postEmpty(base + "/stop", stranger),
            api.postEmpty(base + "/retry", stranger),
            api.postEmpty(base + "/events/ticket", stranger),
            api.get(base + "/nodes/in/output", stranger),
            api.get("/api/executions/workflow/" + workflowId + "/stats", stranger),
            api.get("/api/executions/workflow/wf-" + UUID.randomUUID() + "/stats", ownerToken),
            api.get("/api/executions/" + UUID.randomUUID() + "/nodes/in/output", ownerToken));
    assertThat(answers)
        .allSatisfy(
            a -> {
              assertThat(a.status()).isEqualTo(404);
              assertThat(a.json()).containsEntry("code", "NOT_FOUND");
            });
    try (SseClient events = SseClient.open(port, base + "/events", stranger)) {
      assertThat(events.status()).isEqualTo(404);
    }
    // nor does listing show it, even when asked for its children
    assertThat(api.get("/api/executions?parentExecutionId=" + id, stranger).json())
        .containsEntry("total", 0);
    api.postEmpty(base + "/stop", ownerToken);
  }
}
