package io.agentic.analytics.topology;

import java.time.Instant;

/**
 * One workflow's figures, all time.
 *
 * @param started its new executions (retries excluded)
 * @param changes how often it was created, updated, deleted or shared
 * @param lastChange the latest of those ({@code deleted} for a workflow that is gone)
 * @param lastActivityAt the latest execution start or end, or change
 */
public record WorkflowFigures(
    String workflowId,
    long started,
    long completed,
    long failed,
    long cancelled,
    long durationTotalMs,
    long changes,
    String lastChange,
    Instant lastActivityAt)
    implements DashboardEntry {

  public static WorkflowFigures none() {
    return new WorkflowFigures(null, 0, 0, 0, 0, 0, 0, null, null);
  }

  WorkflowFigures add(String id, Fact fact) {
    Instant last = latest(lastActivityAt, fact.at());
    return switch (fact) {
      case ExecutionFact e ->
          new WorkflowFigures(
              id,
              started + (e.phase() == ExecutionFact.Phase.STARTED && !e.retry() ? 1 : 0),
              completed + (e.phase() == ExecutionFact.Phase.COMPLETED ? 1 : 0),
              failed + (e.phase() == ExecutionFact.Phase.FAILED ? 1 : 0),
              cancelled + (e.phase() == ExecutionFact.Phase.CANCELLED ? 1 : 0),
              durationTotalMs + (e.terminal() ? e.durationMs() : 0),
              changes,
              lastChange,
              last);
      case WorkflowFact w ->
          new WorkflowFigures(
              id,
              started,
              completed,
              failed,
              cancelled,
              durationTotalMs,
              changes + 1,
              isNewer(w.at()) ? w.change() : lastChange,
              last);
      case AiCallFact a -> this;
    };
  }

  public long ended() {
    return completed + failed + cancelled;
  }

  /** Completed per ended execution; null if none ended. */
  public Double successRate() {
    return ended() == 0 ? null : (double) completed / ended();
  }

  public Long averageDurationMs() {
    return ended() == 0 ? null : Math.round((double) durationTotalMs / ended());
  }

  private boolean isNewer(Instant at) {
    return lastActivityAt == null || at == null || !at.isBefore(lastActivityAt);
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
