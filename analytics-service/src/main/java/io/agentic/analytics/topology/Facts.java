package io.agentic.analytics.topology;

import io.agentic.analytics.topology.ExecutionFact.Phase;
import io.agentic.contracts.ai.AiCallRecorded;
import io.agentic.contracts.execution.ExecutionProgressed;
import io.agentic.contracts.workflow.WorkflowChanged;
import java.util.Map;

/** Reads the facts the dashboard counts out of the suite's records; null for what it ignores. */
final class Facts {

  static final String UNKNOWN_PROVIDER = "unknown";

  private Facts() {}

  /** Starts and ends only: node events move no figure. */
  static ExecutionFact of(ExecutionProgressed event) {
    Phase phase = phaseOf(event.type());
    if (phase == null) {
      return null;
    }
    Map<String, Object> data = event.data() == null ? Map.of() : event.data();
    return new ExecutionFact(
        event.eventId(),
        event.timestamp(),
        event.executionId(),
        event.workflowId(),
        phase,
        Boolean.TRUE.equals(data.get("retry")),
        data.get("durationMs") instanceof Number n ? Math.max(0, n.longValue()) : 0);
  }

  static AiCallFact of(AiCallRecorded call) {
    return new AiCallFact(
        call.eventId(),
        call.timestamp(),
        call.provider() == null || call.provider().isBlank() ? UNKNOWN_PROVIDER : call.provider(),
        !"success".equals(call.outcome()),
        Math.max(0, call.latencyMs()),
        Math.max(0, call.totalTokens()),
        Math.max(0, call.costUsd()));
  }

  static WorkflowFact of(WorkflowChanged change) {
    return new WorkflowFact(
        change.eventId(), change.timestamp(), change.workflowId(), change.change());
  }

  /** The workflow a fact concerns; AI calls name none. */
  static String workflowIdOf(Fact fact) {
    return switch (fact) {
      case ExecutionFact e -> e.workflowId();
      case WorkflowFact w -> w.workflowId();
      case AiCallFact a -> null;
    };
  }

  private static Phase phaseOf(String type) {
    if (type == null) {
      return null;
    }
    return switch (type) {
      case "execution.started" -> Phase.STARTED;
      case "execution.completed" -> Phase.COMPLETED;
      case "execution.failed" -> Phase.FAILED;
      case "execution.cancelled" -> Phase.CANCELLED;
      default -> null;
    };
  }
}
