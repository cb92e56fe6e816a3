package io.agentic.execution.engine;

import io.agentic.contracts.execution.StepError;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.workflow.WorkflowNode;

/** The awaited step of a node failed: retried when its error allows it, else the node fails. */
final class StepFailed {

  private final NodeOutcomes outcomes;

  StepFailed(NodeOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  void apply(Transition t, WorkflowNode node, StepFinished result) {
    StepError error = result.error();
    if (error == null) {
      outcomes.fail(
          t, node, new NodeError("STEP_FAILED", "The step failed without a reason"), false);
      return;
    }
    String code = error.code() == null ? "STEP_FAILED" : error.code();
    String message = error.message() == null ? code : error.message();
    outcomes.fail(t, node, new NodeError(code, message), error.retryable());
  }
}
