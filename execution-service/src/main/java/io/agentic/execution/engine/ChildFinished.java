package io.agentic.execution.engine;

import io.agentic.contracts.execution.StepError;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.workflow.WorkflowNode;

/**
 * A child execution of a SUB_WORKFLOW or LOOP node ended. Completed: its outputs are kept, the next
 * waiting child starts, and once all completed the node completes with their outputs (in item order
 * for a LOOP). Failed or cancelled: the node fails with the child's error (its retry policy and
 * {@code onError} apply), and its other running children are cancelled.
 */
final class ChildFinished {

  private final NodeOutcomes outcomes;

  ChildFinished(NodeOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  /**
   * @return false when the node does not wait for that child (any more)
   */
  boolean apply(Transition t, WorkflowNode node, StepFinished result) {
    NodeState s = t.node(node.id());
    ChildBatch batch = s.children();
    ChildRun run = batch == null ? null : batch.runningChild(result.stepId()).orElse(null);
    if (run == null) {
      return false;
    }
    // What the child spent counts for its parent, whatever the child's end.
    t.usage = t.usage.plus(result.usage());
    if (result.succeeded()) {
      batch = batch.with(run.completed(result.output()));
      t.put(node.id(), s.withChildren(batch));
      if (batch.allCompleted()) {
        outcomes.succeed(t, node, batch.output());
      } else {
        Children.launchNext(t, node);
      }
      return true;
    }
    t.put(node.id(), s.withChildren(batch.with(run.failed())));
    StepError error = result.error();
    String code = error == null || error.code() == null ? "CHILD_FAILED" : error.code();
    String reason = error == null || error.message() == null ? code : error.message();
    String which = batch.loop() ? " (item " + run.index() + ")" : "";
    outcomes.fail(
        t,
        node,
        new NodeError(
            code,
            "Node '%s': child execution %s%s did not complete: %s"
                .formatted(node.id(), run.executionId(), which, reason)),
        error != null && error.retryable());
    return true;
  }
}
