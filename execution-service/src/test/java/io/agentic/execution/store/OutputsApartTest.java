package io.agentic.execution.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.execution.engine.Engine;
import io.agentic.execution.engine.EngineSettings;
import io.agentic.execution.engine.ExecutionState;
import io.agentic.execution.engine.ExpressionsEvaluator;
import io.agentic.execution.engine.Input;
import io.agentic.execution.engine.Workflows;
import io.agentic.expression.Expressions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputsApartTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** pure-chain taking its "true" branch, with an inline limit of 3 bytes: every output passes. */
  private static ExecutionState completed() {
    Workflows.Fixture graph = Workflows.load("pure-chain");
    Engine engine =
        new Engine(
            new ExpressionsEvaluator(Expressions.standard()),
            () -> 0L,
            new EngineSettings(
                Duration.ofMinutes(5),
                Duration.ofHours(24),
                1000,
                Duration.ofHours(1),
                5,
                1000,
                5,
                20,
                3));
    ExecutionState pending =
        ExecutionState.pending(
            "e1",
            "w1",
            1,
            "u1",
            graph.nodes(),
            graph.edges(),
            Map.of("word", "go"),
            T0,
            Duration.ofHours(24));
    return engine.decide(pending, new Input.Start("c1"), T0).state();
  }

  @Test
  void replacesLargeOutputsByReferencesAndPutsThemBack() {
    ExecutionState state = completed();

    OutputsApart.Split split = OutputsApart.split(state, 3);

    // every node with an output; "no" was skipped
    assertThat(split.apart())
        .extracting(StoredOutput::nodeId)
        .containsExactly("in", "shout", "check", "yes");
    assertThat(split.apart()).extracting(StoredOutput::key).contains("e1:yes:1");
    Map<String, Object> ref =
        Map.of(
            "outputRef",
            "/api/executions/e1/nodes/yes/output",
            "sizeBytes",
            state.nodeResults().get("yes").outputBytes());
    assertThat(split.state().nodeResults().get("yes").output()).isEqualTo(ref);
    assertThat(split.state().outputs()).containsEntry("yes", ref);
    assertThat(split.state().nodeResults().get("no").output()).isNull();

    ExecutionState joined = OutputsApart.join(split.state(), split.apart(), split.values());

    assertThat(joined).isEqualTo(state);
  }

  @Test
  void leavesSmallOutputsInline() {
    ExecutionState state = completed();

    OutputsApart.Split split = OutputsApart.split(state, 10_000);

    assertThat(split.apart()).isEmpty();
    assertThat(split.state()).isSameAs(state);
  }
}
