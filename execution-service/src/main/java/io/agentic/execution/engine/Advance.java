package io.agentic.execution.engine;

import io.agentic.contracts.workflow.WorkflowEdge;
import io.agentic.contracts.workflow.WorkflowNode;
import java.util.List;

/**
 * Moves the graph forward as far as it can go within one decision: a node whose in-edges are all
 * resolved starts if at least one delivered, and is skipped otherwise. Pure nodes finish at once,
 * so chains of them complete here; the execution completes when no node is left to finish.
 */
final class Advance {

  private final NodeStarter starter;
  private final NodeOutcomes outcomes;
  private final Ending ending;

  Advance(NodeStarter starter, NodeOutcomes outcomes, Ending ending) {
    this.starter = starter;
    this.outcomes = outcomes;
    this.ending = ending;
  }

  void run(Transition t) {
    boolean moved = true;
    while (moved && t.status == ExecutionStatus.RUNNING) {
      moved = false;
      for (WorkflowNode node : t.graph.order()) {
        if (t.status != ExecutionStatus.RUNNING) {
          return;
        }
        if (t.node(node.id()).status() != NodeStatus.PENDING) {
          continue;
        }
        List<WorkflowEdge> in = t.graph.in(node.id());
        if (!in.stream().allMatch(t::resolved)) {
          continue;
        }
        if (!in.isEmpty() && in.stream().noneMatch(t::delivered)) {
          outcomes.skip(t, node);
        } else {
          starter.start(t, node);
        }
        moved = true;
      }
    }
    if (t.status == ExecutionStatus.RUNNING
        && t.nodes().values().stream().allMatch(n -> n.status().isTerminal())) {
      ending.complete(t);
    }
  }
}
