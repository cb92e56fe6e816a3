package io.agentic.execution.engine;

import io.agentic.contracts.workflow.WorkflowNode;

/**
 * A failed attempt's backoff has passed: the next attempt is dispatched (or its children start).
 */
final class BackoffEnded {

  private final NodeStarter starter;

  BackoffEnded(NodeStarter starter) {
    this.starter = starter;
  }

  void apply(Transition t, WorkflowNode node) {
    starter.again(t, node, t.node(node.id()).awaiting().attempt());
  }
}
