package io.agentic.execution.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.ExecutionCommand;
import io.agentic.contracts.execution.StartExecution;
import io.agentic.execution.engine.Engine;
import io.agentic.execution.engine.EngineSettings;
import io.agentic.execution.engine.ExecutionState;
import io.agentic.execution.engine.ExpressionsEvaluator;
import io.agentic.execution.engine.Input;
import io.agentic.execution.engine.Workflows;
import io.agentic.expression.Expressions;
import io.agentic.platform.kafka.ContractDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateJsonTest {

  @Test
  void storesAnExecutionStateAndReadsItBackUnchanged() {
    Workflows.Fixture graph = Workflows.load("error-branch");
    ExecutionState pending =
        ExecutionState.pending(
            "e1",
            "w1",
            2,
            "u1",
            graph.nodes(),
            graph.edges(),
            Map.of("k.with.dots", "v"),
            Instant.parse("2026-01-01T00:00:00Z"),
            Duration.ofHours(24));
    Engine engine =
        new Engine(
            new ExpressionsEvaluator(Expressions.standard()), () -> 0L, EngineSettings.defaults());
    ExecutionState running =
        engine
            .decide(pending, new Input.Start("c1"), Instant.parse("2026-01-01T00:00:01Z"))
            .state();

    ExecutionState read = StateJson.read(StateJson.write(running));

    assertThat(read).isEqualTo(running);
    assertThat(read.nodeResults().get("call").awaiting().stepId()).isEqualTo("e1:call:1");
  }

  @Test
  void writesCommandsWithTheirTypeSoTheOrchestratorCanReadThem() {
    StartExecution start = new StartExecution("c1", "e1", Instant.parse("2026-01-01T00:00:00Z"));
    OutboxEntry entry = OutboxEntry.message(Topics.EXECUTION_COMMANDS, "e1", start, Instant.now());

    Object read =
        new ContractDeserializer()
            .deserialize(
                Topics.EXECUTION_COMMANDS, entry.payload().getBytes(StandardCharsets.UTF_8));

    assertThat(entry.payload()).contains("\"type\":\"start\"");
    assertThat(read).isInstanceOf(ExecutionCommand.class).isEqualTo(start);
  }
}
