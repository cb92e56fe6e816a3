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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every node type, run through the gateway, and the limits on nesting workflows. */
class NodeTypesIT {

  private final Gateway gateway = AiSuite.gateway();

  @Test
  void conditionTakesOneBranchAndSkipsWhatOnlyTheOtherFeeds() {
    Session me = gateway.newUser();
    String id =
        gateway.save(
            workflow(
                "Branches",
                """
                [{"id": "in", "type": "INPUT", "data": {"fields": {"n": "integer"}}},
                 {"id": "big", "type": "CONDITION", "data": {"expression": "inputs.n > 10"}},
                 {"id": "twice", "type": "TRANSFORM", "data": {"expression": "inputs.n * 2"}},
                 {"id": "label", "type": "TRANSFORM", "data": {"expression": "'small ' + string(inputs.n)"}},
                 {"id": "bigOut", "type": "OUTPUT", "data": {"value": "nodes.twice.output"}},
                 {"id": "smallOut", "type": "OUTPUT", "data": {"value": "nodes.label.output"}}]
                """,
                """
                [{"source": "in", "target": "big"},
                 {"source": "big", "target": "twice", "sourceHandle": "true"},
                 {"source": "big", "target": "label", "sourceHandle": "false"},
                 {"source": "twice", "target": "bigOut"},
                 {"source": "label", "target": "smallOut"}]
                """),
            me.token());

    JsonNode large = gateway.run(id, Map.of("n", 21), me.token());
    JsonNode small = gateway.run(id, Map.of("n", 3), me.token());

    assertThat(large.path("status").asString()).as("%s", large).isEqualTo("completed");
    assertThat(large.path("outputs").path("bigOut").asInt()).isEqualTo(42);
    assertThat(large.path("outputs").has("smallOut")).as("%s", large.path("outputs")).isFalse();
    assertThat(large.path("nodeResults").path("big").path("output").asBoolean()).isTrue();
    assertThat(nodeStatus(large, "label")).isEqualTo("skipped");
    assertThat(nodeStatus(large, "smallOut")).isEqualTo("skipped");
    assertThat(large.path("metrics").path("skippedNodes").asInt()).isEqualTo(2);
    assertThat(large.path("metrics").path("successfulNodes").asInt()).isEqualTo(4);

    assertThat(small.path("status").asString()).as("%s", small).isEqualTo("completed");
    assertThat(small.path("outputs").path("smallOut").asString()).isEqualTo("small 3");
    assertThat(nodeStatus(small, "twice")).isEqualTo("skipped");
    assertThat(nodeStatus(small, "bigOut")).isEqualTo("skipped");
  }

  @Test
  void delaysThenCallsTheAllowedTarget() {
    Session me = gateway.newUser();
    FakeServer web = AiSuite.allowedWeb();
    String run = Flows.runId();
    String id =
        gateway.save(
            workflow(
                "Delay then call",
                """
                [{"id": "in", "type": "INPUT", "data": {"fields": {"run": "string"}}},
                 {"id": "pause", "type": "DELAY", "data": {"durationMs": 400}},
                 {"id": "call", "type": "HTTP_REQUEST", "data": {"method": "POST",
                   "url": "%s/echo/{{ inputs.run }}", "headers": {"Content-Type": "application/json"},
                   "body": {"run": "{{ inputs.run }}"}}},
                 {"id": "out", "type": "OUTPUT", "data": {"value": "nodes.call.output.body.answer"}}]
                """
                    .formatted(web.url("")),
                """
                [{"source": "in", "target": "pause"}, {"source": "pause", "target": "call"},
                 {"source": "call", "target": "out"}]
                """),
            me.token());

    JsonNode execution = gateway.run(id, Map.of("run", run), me.token());

    assertThat(execution.path("status").asString()).as("%s", execution).isEqualTo("completed");
    assertThat(execution.path("outputs").path("out").asString()).isEqualTo("pong");
    assertThat(execution.path("nodeResults").path("pause").path("output").path("run").asString())
        .as("DELAY passes its inputs through")
        .isEqualTo(run);
    assertThat(execution.path("duration").asLong()).isGreaterThanOrEqualTo(400);
    assertThat(execution.path("nodeResults").path("call").path("output").path("status").asInt())
        .isEqualTo(200);
    List<FakeServer.Request> calls = web.requestsTo("/echo/" + run);
    assertThat(calls).hasSize(1);
    assertThat(calls.getFirst().body()).contains(run);
  }

  @Test
  void storesAndFindsDocumentsInTheUsersOwnSpaceOnly() {
    Session me = gateway.newUser();
    Session other = gateway.newUser();
    String run = Flows.runId();
    String writer =
        gateway.save(
            workflow(
                "Insert then find",
                """
                [{"id": "in", "type": "INPUT", "data": {"fields": {"run": "string"}}},
                 {"id": "insert", "type": "DATABASE", "data": {"operation": "insertOne",
                   "collection": "notes", "document": {"run": "{{ inputs.run }}", "text": "kept"}}},
                 {"id": "find", "type": "DATABASE", "data": {"operation": "find",
                   "collection": "notes", "filter": {"run": "{{ inputs.run }}"}}},
                 {"id": "out", "type": "OUTPUT", "data": {"value": "nodes.find.output"}}]
                """,
                """
                [{"source": "in", "target": "insert"}, {"source": "insert", "target": "find"},
                 {"source": "find", "target": "out"}]
                """),
            me.token());
    String reader =
        gateway.save(
            workflow(
                "Find",
                """
                [{"id": "in", "type": "INPUT", "data": {"fields": {"run": "string"}}},
                 {"id": "find", "type": "DATABASE", "data": {"operation": "find",
                   "collection": "notes", "filter": {"run": "{{ inputs.run }}"}}},
                 {"id": "count", "type": "DATABASE", "data": {"operation": "count",
                   "collection": "notes", "filter": {}}},
                 {"id": "out", "type": "OUTPUT", "data": {"value": "nodes.find.output"}}]
                """,
                """
                [{"source": "in", "target": "find"}, {"source": "in", "target": "count"},
                 {"source": "find", "target": "out"}, {"source": "count", "target": "out"}]
                """),
            other.token());

    JsonNode mine = gateway.run(writer, Map.of("run", run), me.token());
    JsonNode theirs = gateway.run(reader, Map.of("run", run), other.token());

    assertThat(mine.path("status").asString()).as("%s", mine).isEqualTo("completed");
    assertThat(mine.path("outputs").path("out").toString()).contains(run).contains("kept");
    assertThat(theirs.path("status").asString()).as("%s", theirs).isEqualTo("completed");
    assertThat(theirs.path("outputs").path("out").toString())
        .as("another user's find sees nothing of mine: %s", theirs.path("outputs"))
        .doesNotContain(run);
    assertThat(theirs.path("nodeResults").path("count").path("output").toString())
        .as("another user's collection is empty: %s", theirs.path("nodeResults").path("count"))
        .matches(".*\\b0\\b.*");
  }

  @Test
  void runsASubWorkflowAndALoopWithOutputsInItemOrder() {
    Session me = gateway.newUser();
    String child = leaf(me);
    String parent =
        gateway.save(
            workflow(
                "Sub and loop",
                """
                [{"id": "in", "type": "INPUT", "data": {"fields": {"n": "integer"}}},
                 {"id": "sub", "type": "SUB_WORKFLOW", "data": {"workflowId": "%1$s",
                   "inputs": {"item": "inputs.n", "index": "7"}}},
                 {"id": "each", "type": "LOOP", "data": {"items": "[3, 1, 2]",
                   "workflowId": "%1$s", "concurrency": 3}},
                 {"id": "out", "type": "OUTPUT", "data": {"value":
                   "{'sub': nodes.sub.output, 'each': nodes.each.output}"}}]
                """
                    .formatted(child),
                """
                [{"source": "in", "target": "sub"}, {"source": "sub", "target": "each"},
                 {"source": "each", "target": "out"}]
                """),
            me.token());

    JsonNode execution = gateway.run(parent, Map.of("n", 5), me.token());

    assertThat(execution.path("status").asString()).as("%s", execution).isEqualTo("completed");
    JsonNode out = execution.path("outputs").path("out");
    assertThat(out.path("sub").path("r").path("v").asInt()).as("%s", out).isEqualTo(50);
    assertThat(out.path("sub").path("r").path("i").asInt()).isEqualTo(7);
    JsonNode each = out.path("each");
    assertThat(each.isArray()).as("%s", out).isTrue();
    assertThat(each.size()).isEqualTo(3);
    assertThat(List.of(each.get(0), each.get(1), each.get(2)))
        .extracting(o -> o.path("r").path("v").asInt())
        .containsExactly(30, 10, 20);
    assertThat(List.of(each.get(0), each.get(1), each.get(2)))
        .extracting(o -> o.path("r").path("i").asInt())
        .containsExactly(0, 1, 2);
  }

  @Test
  void failsCleanlyWhenNestingGoesDeeperThanFive() {
    // given W0 (a leaf) and W1..W6, each running the one below it (W3 through a LOOP)
    Session me = gateway.newUser();
    String below = leaf(me);
    String[] chain = new String[7];
    chain[0] = below;
    for (int level = 1; level <= 6; level++) {
      String node =
          level == 3
              ? """
                {"id": "nest", "type": "LOOP", "data": {"items": "[inputs.item]", "workflowId": "%s"}}
                """
                  .formatted(below)
              : """
                {"id": "nest", "type": "SUB_WORKFLOW", "data": {"workflowId": "%s",
                  "inputs": {"item": "inputs.item", "index": "0"}}}
                """
                  .formatted(below);
      below =
          gateway.save(
              workflow(
                  "Level " + level,
                  "[{\"id\": \"in\", \"type\": \"INPUT\", \"data\": {}}, "
                      + node
                      + ", {\"id\": \"r\", \"type\": \"OUTPUT\", \"data\": {\"value\":"
                      + " \"nodes.nest.output\"}}]",
                  "[{\"source\": \"in\", \"target\": \"nest\"},"
                      + " {\"source\": \"nest\", \"target\": \"r\"}]"),
              me.token());
      chain[level] = below;
    }

    // when W5 runs (its leaf is at depth 5) and W6 runs (its leaf would be at depth 6)
    JsonNode deepest = gateway.run(chain[5], Map.of("item", 2), me.token());
    JsonNode tooDeep = gateway.run(chain[6], Map.of("item", 2), me.token());

    // then five levels complete and six fail the node with DEPTH_EXCEEDED
    assertThat(deepest.path("status").asString()).as("%s", deepest).isEqualTo("completed");
    assertThat(deepest.path("outputs").toString()).contains("\"v\":20");
    assertThat(tooDeep.path("status").asString()).as("%s", tooDeep).isEqualTo("failed");
    assertThat(nodeStatus(tooDeep, "nest")).isEqualTo("failed");
    assertThat(errorCode(tooDeep, "nest"))
        .as("%s", Flows.error(tooDeep, "nest"))
        .isEqualTo("DEPTH_EXCEEDED");
    assertThat(tooDeep.path("outputs").has("r")).isFalse();
  }

  @Test
  void failsAWorkflowThatReachesItself() {
    Session me = gateway.newUser();
    String leaf = leaf(me);
    String nodes =
        """
        [{"id": "in", "type": "INPUT", "data": {}},
         {"id": "again", "type": "SUB_WORKFLOW", "data": {"workflowId": "%s",
           "inputs": {"item": "1", "index": "0"}}},
         {"id": "out", "type": "OUTPUT", "data": {"value": "nodes.again.output"}}]
        """;
    String edges =
        """
        [{"source": "in", "target": "again"}, {"source": "again", "target": "out"}]
        """;
    String self = gateway.save(workflow("Self", nodes.formatted(leaf), edges), me.token());
    // the workflow now runs itself
    Answer changed =
        put("/api/workflows/" + self, workflow("Self", nodes.formatted(self), edges), me.token());
    assertThat(changed.status()).as("%s", changed).isEqualTo(200);

    JsonNode execution = gateway.run(self, Map.of(), me.token());

    assertThat(execution.path("status").asString()).as("%s", execution).isEqualTo("failed");
    assertThat(errorCode(execution, "again"))
        .as("%s", Flows.error(execution, "again"))
        .isEqualTo("RECURSIVE_WORKFLOW");
  }

  /** INPUT {item, index} -> OUTPUT r = {v: item * 10, i: index}. */
  private String leaf(Session me) {
    return gateway.save(
        workflow(
            "Leaf",
            """
            [{"id": "in", "type": "INPUT", "data": {}},
             {"id": "r", "type": "OUTPUT", "data": {"value": "{'v': inputs.item * 10, 'i': inputs.index}"}}]
            """,
            """
            [{"source": "in", "target": "r"}]
            """),
        me.token());
  }

  private Answer put(String path, JsonNode body, String token) {
    return NodesHttp.put(gateway, path, (ObjectNode) body, token);
  }
}
