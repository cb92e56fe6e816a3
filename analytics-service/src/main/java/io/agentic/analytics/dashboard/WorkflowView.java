package io.agentic.analytics.dashboard;

import io.agentic.analytics.topology.WorkflowFigures;
import java.time.Instant;

/**
 * One workflow's figures.
 *
 * @param executions executions started (retries excluded)
 * @param successRate completed per ended execution; null if none ended
 * @param changes how often it was created, updated, deleted or shared
 */
record WorkflowView(
    String workflowId,
    long executions,
    long completed,
    long failed,
    long cancelled,
    Double successRate,
    Long averageDurationMs,
    long changes,
    String lastChange,
    Instant lastActivityAt) {

  static WorkflowView of(WorkflowFigures figures) {
    return new WorkflowView(
        figures.workflowId(),
        figures.started(),
        figures.completed(),
        figures.failed(),
        figures.cancelled(),
        Rounding.rate(figures.successRate()),
        figures.averageDurationMs(),
        figures.changes(),
        figures.lastChange(),
        figures.lastActivityAt());
  }
}
