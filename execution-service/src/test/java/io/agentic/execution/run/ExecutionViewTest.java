package io.agentic.execution.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.execution.engine.Engine;
import io.agentic.execution.engine.EngineSettings;
import io.agentic.execution.engine.ExecutionState;
import io.agentic.execution.engine.ExpressionsEvaluator;
import io.agentic.execution.engine.Input;
import io.agentic.execution.engine.LogEntry;
import io.agentic.execution.engine.Workflows;
import io.agentic.expression.Expressions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionViewTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static ExecutionState ran(String fixture, Map<String, Object> inputs, int maxLogs) {
    Workflows.Fixture graph = Workflows.load(fixture);
    Engine engine =
        new Engine(
            new ExpressionsEvaluator(Expressions.standard()),
            () -> 0L,
            new EngineSettings(
                Duration.ofMinutes(5), Duration.ofHours(24), maxLogs, Duration.ofHours(1)));
    ExecutionState pending =
        ExecutionState.pending(
            "e1", "w1", 1, "u1", graph.nodes(), graph.edges(), inputs, T0, Duration.ofHours(24));
    return engine.decide(pending, new Input.Start("c1"), T0).state();
  }

  @Test
  void showsTheKeptLogEntriesThenOneSayingHowManyWereDropped() {
    ExecutionState state = ran("pure-chain", Map.of("word", "go"), 3);

    ExecutionView view = ExecutionView.of(state);

    assertThat(state.droppedLogs()).isPositive();
    assertThat(view.logs()).hasSize(4);
    LogEntry last = view.logs().getLast();
    assertThat(last.level()).isEqualTo("warn");
    assertThat(last.message()).isEqualTo(state.droppedLogs() + " more log entries were dropped");
  }

  @Test
  void showsEveryLogEntryWhenNoneWasDropped() {
    ExecutionState state = ran("pure-chain", Map.of("word", "go"), 1000);

    ExecutionView view = ExecutionView.of(state);

    assertThat(view.logs()).isEqualTo(state.logs());
    assertThat(view.logs()).noneMatch(l -> l.message().contains("dropped"));
  }

  @Test
  void redactsSecretsInInputsAndShowsARootAsItsOwnTree() {
    ExecutionState state = ran("pure-chain", Map.of("word", "go", "apiKey", "k-123"), 1000);

    ExecutionView view = ExecutionView.of(state);

    assertThat(view.inputs()).containsEntry("apiKey", "***").containsEntry("word", "go");
    assertThat(view.nodeResults().get("in").output())
        .isEqualTo(Map.of("word", "go", "apiKey", "***"));
    assertThat(view.parentExecutionId()).isNull();
    assertThat(view.rootExecutionId()).isEqualTo("e1");
    assertThat(view.depth()).isZero();
  }
}
