package io.agentic.execution.engine;

import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.workflow.NodeType;
import io.agentic.contracts.workflow.OnError;
import io.agentic.contracts.workflow.RetryPolicy;
import io.agentic.contracts.workflow.WorkflowNode;
import io.agentic.execution.redaction.Redaction;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a node ends: completed, failed (with its retry policy and {@code onError} applied) or
 * skipped. Shared by every handler so that a node ends the same way whatever ended it.
 */
final class NodeOutcomes {

  private final Backoff backoff;
  private final Ending ending;

  NodeOutcomes(Backoff backoff, Ending ending) {
    this.backoff = backoff;
    this.ending = ending;
  }

  void succeed(Transition t, WorkflowNode node, Object output) {
    NodeState s = t.node(node.id());
    cancelTimer(t, s);
    Children.stop(t, s, "Its parent node no longer waits for it");
    long bytes = JsonSize.of(output);
    t.put(
        node.id(),
        new NodeState(
            NodeStatus.COMPLETED,
            output,
            null,
            s.attempts(),
            s.firstAttempt(),
            s.startedAt() == null ? t.now : s.startedAt(),
            t.now,
            null,
            bytes,
            null));
    if (node.type() == NodeType.OUTPUT) {
      t.output(node.id(), output);
    }
    t.log(node.id(), "info", "Node completed");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put(
        "output",
        bytes > t.settings.maxInlineOutputBytes()
            ? NodeOutputRef.of(t.before.id(), node.id(), bytes)
            : Redaction.json(output));
    data.put("attempt", s.attempts());
    t.emit("node.completed", node.id(), data);
  }

  /**
   * A failed attempt. A retryable error with attempts left in the node's policy waits for a backoff
   * timer; otherwise the node fails and its {@code onError} decides what happens to the run.
   */
  void fail(Transition t, WorkflowNode node, NodeError error, boolean retryable) {
    NodeState s = t.node(node.id());
    cancelTimer(t, s);
    Children.stop(t, s, "Its parent node failed");
    RetryPolicy policy = node.retry();
    if (retryable && policy != null && s.attemptsInRun() < policy.maxAttempts()) {
      scheduleRetry(t, node, s, error, policy);
      return;
    }
    OnError onError = Transition.onError(node);
    Object output = onError == OnError.BRANCH ? Map.of("error", errorOutput(error)) : null;
    t.put(
        node.id(),
        new NodeState(
            NodeStatus.FAILED,
            output,
            error,
            s.attempts(),
            s.firstAttempt(),
            s.startedAt() == null ? t.now : s.startedAt(),
            t.now,
            null,
            output == null ? null : JsonSize.of(output),
            null));
    t.log(node.id(), "error", "Node failed: " + error.code() + ": " + error.message());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("error", errorOutput(error));
    data.put("attempt", s.attempts());
    t.emit("node.failed", node.id(), data);
    if (onError == OnError.FAIL) {
      ending.fail(
          t,
          new ExecutionError(
              error.code(), "Node '" + node.id() + "' failed: " + error.message(), node.id()));
    }
  }

  void skip(Transition t, WorkflowNode node) {
    NodeState s = t.node(node.id());
    t.put(
        node.id(),
        new NodeState(
            NodeStatus.SKIPPED,
            null,
            null,
            s.attempts(),
            s.firstAttempt(),
            null,
            null,
            null,
            null,
            null));
    t.log(node.id(), "info", "Node skipped: no branch leading to it was taken");
    t.emit("node.skipped", node.id(), new LinkedHashMap<>());
  }

  private void scheduleRetry(
      Transition t, WorkflowNode node, NodeState s, NodeError error, RetryPolicy policy) {
    Duration delay = backoff.after(policy, s.attemptsInRun());
    int next = s.attempts() + 1;
    String timerId = ExecuteStep.stepId(t.before.id(), node.id(), next) + ":backoff";
    Instant due = t.now.plus(delay);
    t.put(
        node.id(),
        s.waiting(new Wait(Wait.Kind.BACKOFF, next, null, timerId, due)).withChildren(null));
    t.effect(new Effect.ScheduleTimer(timerId, "backoff", node.id(), next, due));
    t.log(
        node.id(),
        "warn",
        "Attempt %d failed (%s: %s); attempt %d in %d ms"
            .formatted(s.attempts(), error.code(), error.message(), next, delay.toMillis()));
  }

  private static void cancelTimer(Transition t, NodeState s) {
    if (s.awaiting() != null && s.awaiting().timerId() != null) {
      t.effect(new Effect.CancelTimer(s.awaiting().timerId()));
    }
  }

  static Map<String, Object> errorOutput(NodeError error) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("code", error.code());
    out.put("message", error.message());
    return out;
  }
}
