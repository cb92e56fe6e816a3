package io.agentic.execution.engine;

import io.agentic.contracts.execution.StepError;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.execution.StepUsage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three ways an execution ends; each stops what is still running (child executions included)
 * and says so once. A child execution also reports its end to the node waiting for it.
 */
final class Ending {

  void complete(Transition t) {
    t.status = ExecutionStatus.COMPLETED;
    t.endTime = t.now;
    t.log(null, "info", "Execution completed");
    t.emit("execution.completed", null, summary(t));
    t.effect(new Effect.Finish(ExecutionStatus.COMPLETED));
    reportToParent(t, null);
  }

  void fail(Transition t, ExecutionError error) {
    t.status = ExecutionStatus.FAILED;
    t.error = error;
    t.endTime = t.now;
    stopUnfinishedNodes(t, "Its parent execution failed");
    t.log(error.nodeId(), "error", "Execution failed: " + error.message());
    Map<String, Object> data = summary(t);
    data.put("error", errorData(error));
    t.emit("execution.failed", null, data);
    t.effect(new Effect.Finish(ExecutionStatus.FAILED));
    // A child's failure may pass for a parent's retry: its retry policy decides.
    reportToParent(t, new StepError(error.code(), error.message(), true));
  }

  void cancel(Transition t, String requestedBy, String reason) {
    t.status = ExecutionStatus.CANCELLED;
    t.endTime = t.now;
    stopUnfinishedNodes(t, "Its parent execution was cancelled");
    String by = requestedBy == null ? "" : " by " + requestedBy;
    t.log(null, "warn", "Execution cancelled" + by + (reason == null ? "" : ": " + reason));
    Map<String, Object> data = summary(t);
    if (reason != null) {
      data.put("reason", reason);
    }
    t.emit("execution.cancelled", null, data);
    t.effect(new Effect.Finish(ExecutionStatus.CANCELLED));
    reportToParent(
        t,
        new StepError(
            "CHILD_CANCELLED", "cancelled" + (reason == null ? "" : ": " + reason), false));
  }

  /**
   * Running nodes are abandoned (their late results will be ignored), their timers dropped and
   * their child executions cancelled.
   */
  private static void stopUnfinishedNodes(Transition t, String childReason) {
    t.nodes()
        .replaceAll(
            (id, node) -> {
              if (node.status().isTerminal()) {
                return node;
              }
              if (node.awaiting() != null && node.awaiting().timerId() != null) {
                t.effect(new Effect.CancelTimer(node.awaiting().timerId()));
              }
              Children.stop(t, node, childReason);
              return new NodeState(
                  NodeStatus.CANCELLED,
                  null,
                  null,
                  node.attempts(),
                  node.firstAttempt(),
                  node.startedAt(),
                  node.startedAt() == null ? null : t.now,
                  null,
                  null,
                  null);
            });
  }

  /**
   * A child tells its parent's node how it ended, as the result of the step whose id is the child's
   * id. Outputs too large to travel inline are left out: the parent's orchestrator reads them from
   * the child's stored state.
   */
  private static void reportToParent(Transition t, StepError error) {
    ParentLink parent = t.before.parent();
    if (parent == null) {
      return;
    }
    Object output = null;
    if (error == null) {
      Map<String, Object> outputs = new LinkedHashMap<>(t.outputs());
      output = JsonSize.of(outputs) > t.settings.maxInlineOutputBytes() ? null : outputs;
    }
    Usage usage = t.usage;
    t.effect(
        new Effect.ReportToParent(
            new StepFinished(
                t.before.id(),
                parent.executionId(),
                parent.nodeId(),
                parent.attempt(),
                error == null,
                output,
                error,
                new StepUsage(usage.aiCalls(), usage.totalTokens(), usage.costUsd()),
                t.before.startTime(),
                t.now)));
  }

  private static Map<String, Object> summary(Transition t) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", t.status.wire());
    data.put(
        "durationMs",
        t.before.startTime() == null
            ? 0
            : t.now.toEpochMilli() - t.before.startTime().toEpochMilli());
    return data;
  }

  static Map<String, Object> errorData(ExecutionError error) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("code", error.code());
    data.put("message", error.message());
    if (error.nodeId() != null) {
      data.put("nodeId", error.nodeId());
    }
    return data;
  }
}
