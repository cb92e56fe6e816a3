package io.agentic.contracts.execution;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * An instruction to the orchestrator that owns an execution. Topic {@code execution.commands.v1},
 * key {@code executionId}. The {@code type} field names the command.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = StartExecution.class, name = "start"),
  @JsonSubTypes.Type(value = CancelExecution.class, name = "cancel"),
  @JsonSubTypes.Type(value = RetryExecution.class, name = "retry"),
  @JsonSubTypes.Type(value = FireTimer.class, name = "timer")
})
public sealed interface ExecutionCommand
    permits StartExecution, CancelExecution, RetryExecution, FireTimer {

  /** Unique; the orchestrator applies each command once. */
  String commandId();

  String executionId();

  Instant issuedAt();
}
