package io.agentic.execution.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/** The three ways an execution ends; each stops what is still running and says so once. */
final class Ending {

  void complete(Transition t) {
    t.status = ExecutionStatus.COMPLETED;
    t.endTime = t.now;
    t.log(null, "info", "Execution completed");
    t.emit("execution.completed", null, summary(t));
    t.effect(new Effect.Finish(ExecutionStatus.COMPLETED));
  }

  void fail(Transition t, ExecutionError error) {
    t.status = ExecutionStatus.FAILED;
    t.error = error;
    t.endTime = t.now;
    stopUnfinishedNodes(t);
    t.log(error.nodeId(), "error", "Execution failed: " + error.message());
    Map<String, Object> data = summary(t);
    data.put("error", errorData(error));
    t.emit("execution.failed", null, data);
    t.effect(new Effect.Finish(ExecutionStatus.FAILED));
  }

  void cancel(Transition t, String requestedBy, String reason) {
    t.status = ExecutionStatus.CANCELLED;
    t.endTime = t.now;
    stopUnfinishedNodes(t);
    String by = requestedBy == null ? "" : " by " + requestedBy;
    t.log(null, "warn", "Execution cancelled" + by + (reason == null ? "" : ": " + reason));
    Map<String, Object> data = summary(t);
    if (reason != null) {
      data.put("reason", reason);
    }
    t.emit("execution.cancelled", null, data);
    t.effect(new Effect.Finish(ExecutionStatus.CANCELLED));
  }

  /** Running nodes are abandoned (their late results will be ignored) and their timers dropped. */
  private static void stopUnfinishedNodes(Transition t) {
    t.nodes()
        .replaceAll(
            (id, node) -> {
              if (node.status().isTerminal()) {
                return node;
              }
              if (node.awaiting() != null && node.awaiting().timerId() != null) {
                t.effect(new Effect.CancelTimer(node.awaiting().timerId()));
              }
              return new NodeState(
                  NodeStatus.CANCELLED,
                  null,
                  null,
                  node.attempts(),
                  node.firstAttempt(),
                  node.startedAt(),
                  node.startedAt() == null ? null : t.now,
                  null);
            });
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
