package io.agentic.suite.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.agentic.suite.SuiteAccess;
import io.agentic.suite.SuiteAccess.Answer;
import io.agentic.suite.SuiteAccess.Client;
import io.agentic.suite.SuiteAccess.Session;
import io.agentic.suite.ai.Gateway;
import io.agentic.suite.ai.Gateway.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the engine tests do through the gateway of the shared suite: save a workflow written inline,
 * start it, wait for an end by polling with a deadline, and read what the execution says.
 */
final class Runs {

  /** How long any execution of these tests may take to reach the state a test waits for. */
  static final Duration PATIENCE = Duration.ofSeconds(30);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Client client = SuiteAccess.client();

  Client client() {
    return client;
  }

  Session newUser() {
    return client.newUser();
  }

  /** A workflow named {@code name <run>} from the JSON of its nodes and edges arrays. */
  static JsonNode workflow(String name, String nodes, String edges) {
    return SuiteAccess.JSON.readTree(
        "{\"name\": "
            + SuiteAccess.JSON.writeValueAsString(name + " " + runId())
            + ", \"tags\": [\"suite-tests\", \"engine\"], \"nodes\": "
            + nodes
            + ", \"edges\": "
            + edges
            + "}");
  }

  static String runId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** Saves a workflow and answers its id. */
  String save(Session user, String name, String nodes, String edges) {
    Answer created = client.post("/api/workflows", workflow(name, nodes, edges), user.token());
    assertThat(created.status()).as("saving %s: %s", name, created).isEqualTo(201);
    return created.json().path("id").asString();
  }

  /** Saves a workflow anyone may read and start ({@code isPublic}) and answers its id. */
  String savePublic(Session user, String name, String nodes, String edges) {
    ObjectNode workflow = (ObjectNode) workflow(name, nodes, edges);
    workflow.put("isPublic", true);
    Answer created = client.post("/api/workflows", workflow, user.token());
    assertThat(created.status()).as("saving %s: %s", name, created).isEqualTo(201);
    return created.json().path("id").asString();
  }

  /** {@code POST /api/executions} as it comes back, whatever its status. */
  Answer post(Session user, String workflowId, Object inputs, String query) {
    return client.post(
        "/api/executions" + query,
        Map.of("workflowId", workflowId, "inputs", inputs),
        user.token());
  }

  /** Starts an execution without waiting and answers its id. */
  String start(Session user, String workflowId, Object inputs) {
    Answer started = post(user, workflowId, inputs, "");
    assertThat(started.status()).as("starting %s: %s", workflowId, started).isEqualTo(202);
    return started.json().path("id").asString();
  }

  /** Runs an execution to its end with {@code ?wait=true} and answers it. */
  JsonNode run(Session user, String workflowId, Object inputs) {
    Answer run = post(user, workflowId, inputs, "?wait=true&timeoutMs=" + PATIENCE.toMillis());
    assertThat(run.status()).as("running %s: %s", workflowId, run).isEqualTo(200);
    return run.json();
  }

  JsonNode get(Session user, String executionId) {
    Answer read = client.get("/api/executions/" + executionId, user.token());
    assertThat(read.status()).as("reading %s: %s", executionId, read).isEqualTo(200);
    return read.json();
  }

  /** Polls the execution until its status is {@code status}; answers it then. */
  JsonNode awaitStatus(Session user, String executionId, String status) {
    AtomicReference<JsonNode> last = new AtomicReference<>();
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(50))
        .alias("execution " + executionId + " to be " + status + ", last seen: " + last)
        .until(
            () -> {
              last.set(get(user, executionId));
              return status.equals(last.get().path("status").asString());
            });
    return last.get();
  }

  /** Polls until the execution's node has reached {@code status}. */
  JsonNode awaitNode(Session user, String executionId, String nodeId, String status) {
    AtomicReference<JsonNode> last = new AtomicReference<>();
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(50))
        .alias("node " + nodeId + " of " + executionId + " to be " + status)
        .until(
            () -> {
              last.set(get(user, executionId));
              return status.equals(nodeStatus(last.get(), nodeId));
            });
    return last.get();
  }

  Answer stop(Session user, String executionId) {
    return client.post("/api/executions/" + executionId + "/stop", Map.of(), user.token());
  }

  Answer retry(Session user, String executionId) {
    return client.post("/api/executions/" + executionId + "/retry", Map.of(), user.token());
  }

  /** Every event of an ended execution, read until the server closes the stream. */
  List<Event> events(Session user, String executionId) {
    return assertTimeoutPreemptively(
        PATIENCE,
        () -> {
          HttpRequest request =
              HttpRequest.newBuilder(
                      URI.create(client.baseUrl() + "/api/executions/" + executionId + "/events"))
                  .header("Accept", "text/event-stream")
                  .header("Authorization", "Bearer " + user.token())
                  .GET()
                  .build();
          HttpResponse<Stream<String>> response;
          try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          assertThat(response.statusCode()).isEqualTo(200);
          try (Stream<String> lines = response.body()) {
            return Gateway.events(lines);
          }
        });
  }

  static String nodeStatus(JsonNode execution, String nodeId) {
    return execution.path("nodeResults").path(nodeId).path("status").asString("");
  }

  static int attempts(JsonNode execution, String nodeId) {
    return execution.path("nodeResults").path(nodeId).path("attempts").asInt();
  }

  static String errorCode(JsonNode execution, String nodeId) {
    return execution.path("nodeResults").path(nodeId).path("error").path("code").asString("");
  }

  /** The messages of the execution's log lines about one node. */
  static List<String> logsOf(JsonNode execution, String nodeId) {
    return execution
        .path("logs")
        .valueStream()
        .filter(l -> nodeId.equals(l.path("nodeId").asString(null)))
        .map(l -> l.path("message").asString())
        .toList();
  }
}
