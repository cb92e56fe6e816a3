package io.agentic.execution.engine;

import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.workflow.WorkflowNode;

/** The awaited step of a node succeeded: the node completes with the step's output. */
final class StepSucceeded {

  private final NodeOutcomes outcomes;

  StepSucceeded(NodeOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  void apply(Transition t, WorkflowNode node, StepFinished result) {
    outcomes.succeed(t, node, result.output());
  }
}
