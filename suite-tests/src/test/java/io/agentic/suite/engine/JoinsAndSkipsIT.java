package io.agentic.suite.engine;

import static io.agentic.suite.engine.Runs.nodeStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.suite.HttpTarget;
import io.agentic.suite.SuiteAccess;
import io.agentic.suite.SuiteAccess.Session;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Joins and skips through the gateway: a node runs when every in-edge is resolved and at least one
 * delivered; a node reached only through untaken branches is skipped, and so is what only it feeds.
 */
class JoinsAndSkipsIT {

  private final Runs runs = new Runs();
  private final Session me = runs.newUser();

  @Test
  void joinWaitsForASlowCallAndAQuickBranchAndSeesBothOutputs() {
    // given in -> {call (150 ms), quick} -> join, and an OUTPUT without value behind both
    HttpTarget target = SuiteAccess.allowedTarget();
    String run = Runs.runId();
    String id =
        runs.save(
            me,
            "Join",
            """
            [{"id": "in", "type": "INPUT", "data": {"fields": {"n": "integer"}}},
             {"id": "call", "type": "HTTP_REQUEST", "data": {"method": "POST",
               "url": "%s", "body": {"n": "{{ inputs.n }}"}}},
             {"id": "quick", "type": "TRANSFORM", "data": {"expression": "inputs.n * 10"}},
             {"id": "join", "type": "TRANSFORM",
               "data": {"expression": "nodes.call.output.body.received.n + nodes.quick.output"}},
             {"id": "out", "type": "OUTPUT", "data": {"value": "nodes.join.output"}},
             {"id": "both", "type": "OUTPUT", "data": {}}]
            """
                .formatted(target.url("/slow/" + run)),
            """
            [{"source": "in", "target": "call"}, {"source": "in", "target": "quick"},
             {"source": "call", "target": "join"}, {"source": "quick", "target": "join"},
             {"source": "join", "target": "out"},
             {"source": "call", "target": "both"}, {"source": "quick", "target": "both"}]
            """);

    // when
    JsonNode execution = runs.run(me, id, Map.of("n", 4));

    // then the join ran once, after both branches, with both outputs
    assertThat(execution.path("status").asString()).as("%s", execution).isEqualTo("completed");
    assertThat(execution.path("outputs").path("out").asInt()).isEqualTo(44);
    JsonNode join = execution.path("nodeResults").path("join");
    assertThat(join.path("attempts").asInt()).isEqualTo(1);
    assertThat(startOf(execution, "join"))
        .isAfterOrEqualTo(endOf(execution, "call"))
        .isAfterOrEqualTo(endOf(execution, "quick"));
    // an OUTPUT without value gets what each predecessor delivered, by predecessor
    JsonNode both = execution.path("outputs").path("both");
    assertThat(both.path("quick").asInt()).as("%s", both).isEqualTo(40);
    assertThat(both.path("call").path("status").asInt()).as("%s", both).isEqualTo(200);
    assertThat(target.requestsTo("/slow/" + run)).hasSize(1);
    assertThat(execution.path("metrics").path("successfulNodes").asInt()).isEqualTo(6);
  }

  @Test
  void joinBehindAnUntakenBranchRunsOnWhatTheTakenBranchDelivered() {
    // given a CONDITION whose branches meet again, and a chain that only the "true" branch feeds
    String id =
        runs.save(
            me,
            "Branches meet",
            """
            [{"id": "in", "type": "INPUT", "data": {"fields": {"n": "integer"}}},
             {"id": "check", "type": "CONDITION", "data": {"expression": "inputs.n > 10"}},
             {"id": "big", "type": "TRANSFORM", "data": {"expression": "'big ' + string(inputs.n)"}},
             {"id": "small", "type": "TRANSFORM", "data": {"expression": "'small ' + string(inputs.n)"}},
             {"id": "onlyBig", "type": "TRANSFORM", "data": {"expression": "nodes.big.output + '!'"}},
             {"id": "bigOut", "type": "OUTPUT", "data": {"value": "nodes.onlyBig.output"}},
             {"id": "picked", "type": "OUTPUT", "data": {}}]
            """,
            """
            [{"source": "in", "target": "check"},
             {"source": "check", "target": "big", "sourceHandle": "true"},
             {"source": "check", "target": "small", "sourceHandle": "false"},
             {"source": "big", "target": "onlyBig"}, {"source": "onlyBig", "target": "bigOut"},
             {"source": "big", "target": "picked"}, {"source": "small", "target": "picked"}]
            """);

    // when the "false" branch is taken
    JsonNode small = runs.run(me, id, Map.of("n", 3));

    // then the join runs on the small branch alone, and everything only "big" feeds is skipped
    assertThat(small.path("status").asString()).as("%s", small).isEqualTo("completed");
    assertThat(small.path("outputs").path("picked").asString()).isEqualTo("small 3");
    assertThat(small.path("outputs").has("bigOut")).as("%s", small.path("outputs")).isFalse();
    for (String skipped : new String[] {"big", "onlyBig", "bigOut"}) {
      assertThat(nodeStatus(small, skipped)).as("%s", skipped).isEqualTo("skipped");
      assertThat(small.path("nodeResults").path(skipped).path("attempts").asInt()).isZero();
    }
    assertThat(nodeStatus(small, "picked")).isEqualTo("completed");
    assertThat(small.path("metrics").path("skippedNodes").asInt()).isEqualTo(3);
    assertThat(small.path("metrics").path("successfulNodes").asInt()).isEqualTo(4);

    // and the other way round
    JsonNode big = runs.run(me, id, Map.of("n", 30));
    assertThat(big.path("status").asString()).as("%s", big).isEqualTo("completed");
    assertThat(big.path("outputs").path("picked").asString()).isEqualTo("big 30");
    assertThat(big.path("outputs").path("bigOut").asString()).isEqualTo("big 30!");
    assertThat(nodeStatus(big, "small")).isEqualTo("skipped");
    assertThat(big.path("metrics").path("skippedNodes").asInt()).isEqualTo(1);
  }

  @Test
  void skipsEverythingBehindAConditionWhoseBothInputsWereNotTaken() {
    // given two conditions that must both hold, feeding one node through their "true" edges
    String id =
        runs.save(
            me,
            "Both must hold",
            """
            [{"id": "in", "type": "INPUT", "data": {"fields": {"a": "boolean", "b": "boolean"}}},
             {"id": "ifA", "type": "CONDITION", "data": {"expression": "inputs.a"}},
             {"id": "ifB", "type": "CONDITION", "data": {"expression": "inputs.b"}},
             {"id": "any", "type": "TRANSFORM", "data": {"expression": "'reached'"}},
             {"id": "out", "type": "OUTPUT", "data": {"value": "nodes.any.output"}}]
            """,
            """
            [{"source": "in", "target": "ifA"}, {"source": "in", "target": "ifB"},
             {"source": "ifA", "target": "any", "sourceHandle": "true"},
             {"source": "ifB", "target": "any", "sourceHandle": "true"},
             {"source": "any", "target": "out"}]
            """);

    JsonNode neither = runs.run(me, id, Map.of("a", false, "b", false));
    JsonNode one = runs.run(me, id, Map.of("a", false, "b", true));

    // then with no edge delivered the node and what follows are skipped; with one, they run
    assertThat(neither.path("status").asString()).as("%s", neither).isEqualTo("completed");
    assertThat(nodeStatus(neither, "any")).isEqualTo("skipped");
    assertThat(nodeStatus(neither, "out")).isEqualTo("skipped");
    assertThat(neither.path("outputs").size()).as("%s", neither.path("outputs")).isZero();
    assertThat(one.path("status").asString()).as("%s", one).isEqualTo("completed");
    assertThat(one.path("outputs").path("out").asString()).isEqualTo("reached");
  }

  private static Instant startOf(JsonNode execution, String node) {
    return Instant.parse(execution.path("nodeResults").path(node).path("startedAt").asString());
  }

  private static Instant endOf(JsonNode execution, String node) {
    return Instant.parse(execution.path("nodeResults").path(node).path("finishedAt").asString());
  }
}
