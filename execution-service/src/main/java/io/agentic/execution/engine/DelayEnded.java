package io.agentic.execution.engine;

import io.agentic.contracts.workflow.WorkflowNode;

/** A DELAY node's time is up: it completes, passing on what it received. */
final class DelayEnded {

  private final NodeOutcomes outcomes;

  DelayEnded(NodeOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  void apply(Transition t, WorkflowNode node) {
    outcomes.succeed(t, node, t.predecessorInput(node.id()));
  }
}
