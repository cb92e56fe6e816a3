package io.agentic.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.local.LocalMode;
import io.agentic.local.LocalSettings;
import io.agentic.local.LocalSuite;
import io.agentic.suite.GatewayClient.Answer;
import io.agentic.suite.GatewayClient.Session;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Local mode keeps users, workflows and executions across a restart: everything is embedded here
 * (Redis included), so the data directory holds all of it.
 */
class RestartIT {

  @TempDir Path dataDir;

  @Test
  void keepsUsersWorkflowsAndExecutionsAcrossARestart() {
    Session me;
    String workflowId;
    String executionId;
    JsonNode finished;

    // given a first run in which a user saved a workflow and ran it to the end
    try (LocalSuite first = LocalMode.start(settings())) {
      GatewayClient gateway = new GatewayClient(first.gatewayUrl());
      me = gateway.newUser();
      Answer created =
          gateway.post(
              "/api/workflows", Workflows.load("doubler", Map.of("run", "restart")), me.token());
      assertThat(created.status()).as("%s", created).isEqualTo(201);
      workflowId = created.json().path("id").asString();
      Answer run =
          gateway.post(
              "/api/executions?wait=true&timeoutMs=30000",
              Map.of("workflowId", workflowId, "inputs", Map.of("n", 21)),
              me.token());
      assertThat(run.status()).as("%s", run).isEqualTo(200);
      assertThat(run.json().path("status").asString()).isEqualTo("completed");
      executionId = run.json().path("id").asString();
      finished = run.json();
    }

    // when local mode starts again on the same data directory (on other ports)
    try (LocalSuite second = LocalMode.start(settings())) {
      GatewayClient gateway = new GatewayClient(second.gatewayUrl());

      // then the user logs in with the same password
      Answer login = gateway.login(me.username(), me.password());
      assertThat(login.status()).as("%s", login).isEqualTo(200);
      assertThat(login.json().path("user").path("id").asString()).isEqualTo(me.userId());
      String token = login.json().path("accessToken").asString();

      // and a token issued before the restart still works (the signing key is kept)
      assertThat(gateway.get("/api/auth/me", me.token()).status()).isEqualTo(200);

      // and the workflow and the finished execution are still there
      Answer workflow = gateway.get("/api/workflows/" + workflowId, token);
      assertThat(workflow.status()).as("%s", workflow).isEqualTo(200);
      assertThat(workflow.json().path("version").asInt()).isEqualTo(1);
      assertThat(workflow.json().path("nodes").size()).isEqualTo(3);

      Answer execution = gateway.get("/api/executions/" + executionId, token);
      assertThat(execution.status()).as("%s", execution).isEqualTo(200);
      assertThat(execution.json().path("status").asString()).isEqualTo("completed");
      assertThat(execution.json().path("outputs")).isEqualTo(finished.path("outputs"));
      assertThat(execution.json().path("outputs").path("out").asInt()).isEqualTo(42);

      // and the restarted suite still runs it
      Answer again =
          gateway.post(
              "/api/executions?wait=true&timeoutMs=30000",
              Map.of("workflowId", workflowId, "inputs", Map.of("n", 5)),
              token);
      assertThat(again.status()).as("%s", again).isEqualTo(200);
      assertThat(again.json().path("outputs").path("out").asInt()).isEqualTo(10);
    }
  }

  private LocalSettings settings() {
    return LocalSettings.onFreePorts(dataDir)
        .withKafkaPartitions(Suite.PARTITIONS)
        .withProperties(Suite.testProperties(null));
  }
}
