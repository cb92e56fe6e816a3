package io.agentic.execution.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.workflow.NodeType;
import io.agentic.execution.support.Api;
import io.agentic.execution.support.Api.Answer;
import io.agentic.execution.support.IntegrationTest;
import io.agentic.execution.support.ScriptedHttpStep;
import io.agentic.execution.support.Tokens;
import io.agentic.execution.support.WorkflowSeeder;
import io.agentic.execution.workflows.WorkflowCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The HTTP_REQUEST and DATABASE worker as operators see it: {@code agentic_steps_seconds} on {@code
 * /actuator/prometheus} by node type and outcome, and the execution and node ids in the MDC while a
 * step runs.
 */
class StepWorkerIT extends IntegrationTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired KafkaTemplate<String, Object> kafka;
  @Autowired WorkflowCatalog catalog;
  @Autowired ScriptedHttpStep httpStep;

  Api api;
  WorkflowSeeder workflows;
  String owner;
  String token;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    workflows = new WorkflowSeeder(kafka, catalog);
    owner = WorkflowSeeder.newUser();
    token = Tokens.bearer(owner, "user");
  }

  @Test
  void timesEachStepRunByNodeTypeAndOutcome() {
    // given the counts so far (the Spring context is shared with the other tests)
    double httpSucceeded = steps("http_request", "success");
    double databaseSucceeded = steps("database", "success");
    double httpFailed = steps("http_request", "failure");

    // when an HTTP_REQUEST -> DATABASE workflow completes, and a call that fails for good fails
    String twoSteps = workflows.publish("two-steps", owner);
    assertThat(run(twoSteps, Map.of()).<String>at("status")).isEqualTo("completed");
    String toggled = workflows.publish("toggled-call", owner);
    assertThat(run(toggled, Map.of("token", "broken")).<String>at("status")).isEqualTo("failed");

    // then each step is counted once under its type and outcome
    assertThat(steps("http_request", "success")).isEqualTo(httpSucceeded + 1);
    assertThat(steps("database", "success")).isEqualTo(databaseSucceeded + 1);
    assertThat(steps("http_request", "failure")).isEqualTo(httpFailed + 1);
    assertThat(scrape())
        .contains("agentic_steps_seconds_sum{")
        .contains("agentic_steps_seconds_max{");
  }

  @Test
  void countsAStepWhoseExecutionHasEndedAsCancelledWithoutRunningIt() throws Exception {
    // given a step of an execution that is no longer running (here: never stored)
    double cancelled = steps("database", "cancelled");
    String executionId = UUID.randomUUID().toString();
    ExecuteStep step =
        new ExecuteStep(
            ExecuteStep.stepId(executionId, "count", 1),
            executionId,
            executionId,
            "wf-" + executionId,
            owner,
            "count",
            NodeType.DATABASE,
            1,
            Map.of("operation", "count", "collection", "items"),
            5_000,
            Instant.now());

    // when the worker takes it
    kafka.send(Topics.STEPS_DATABASE, executionId, step).get();

    // then it is counted as cancelled
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> steps("database", "cancelled") == cancelled + 1);
  }

  @Test
  void runsEachStepWithItsExecutionAndNodeIdsInTheLogContext() {
    String workflowId = workflows.publish("toggled-call", owner);

    Answer run = run(workflowId, Map.of("token", "ok-" + UUID.randomUUID()));

    String executionId = run.at("id");
    assertThat(httpStep.logContext.get(ExecuteStep.stepId(executionId, "call", 1)))
        .isEqualTo(Arrays.asList(executionId, "call"));
  }

  private Answer run(String workflowId, Map<String, Object> inputs) {
    Answer answer =
        api.post(
            "/api/executions?wait=true", token, Map.of("workflowId", workflowId, "inputs", inputs));
    assertThat(answer.status()).as("start: %s", answer.json()).isEqualTo(200);
    return answer;
  }

  /** {@code agentic_steps_seconds_count} for one type and outcome; 0 before the first such step. */
  private double steps(String type, String outcome) {
    return scrape()
        .lines()
        .filter(line -> line.startsWith("agentic_steps_seconds_count{"))
        .filter(line -> line.contains("type=\"" + type + "\""))
        .filter(line -> line.contains("outcome=\"" + outcome + "\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private String scrape() {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
