package io.agentic.suite.ai;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Workflows written inline, and what the tests read out of executions. */
public final class Flows {
  private Flows() {}

  /** A workflow named {@code name <run>} from the JSON of its nodes and edges arrays. */
  public static JsonNode workflow(String name, String nodes, String edges) {
    return Gateway.JSON.readTree(
        "{\"name\": "
            + Gateway.JSON.writeValueAsString(name + " " + runId())
            + ", \"tags\": [\"suite-tests\"], \"nodes\": "
            + nodes
            + ", \"edges\": "
            + edges
            + "}");
  }

  public static String runId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** A node's status in an execution. */
  public static String nodeStatus(JsonNode execution, String nodeId) {
    return execution.path("nodeResults").path(nodeId).path("status").asString("");
  }

  /** A node's error code (the error is an object with a code, or a message naming it). */
  public static String errorCode(JsonNode execution, String nodeId) {
    JsonNode error = execution.path("nodeResults").path(nodeId).path("error");
    return error.isObject() ? error.path("code").asString(error.toString()) : error.asString("");
  }

  /** The whole node error, for assertion messages. */
  public static String error(JsonNode execution, String nodeId) {
    return execution.path("nodeResults").path(nodeId).path("error").toString();
  }
}
