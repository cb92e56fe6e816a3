package io.agentic.execution.engine;

import io.agentic.contracts.workflow.WorkflowNode;

/**
 * The awaited step of a node outlived its timeout: the attempt counts as failed (retryable), and
 * its result, should it still arrive, is ignored.
 */
final class StepTimedOut {

  private final NodeOutcomes outcomes;

  StepTimedOut(NodeOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  void apply(Transition t, WorkflowNode node) {
    long ms =
        node.timeoutMs() != null && node.timeoutMs() > 0
            ? node.timeoutMs()
            : t.settings.defaultNodeTimeout().toMillis();
    int attempt = t.node(node.id()).attempts();
    outcomes.fail(
        t,
        node,
        new NodeError("TIMEOUT", "Attempt " + attempt + " gave no result within " + ms + " ms"),
        true);
  }
}
