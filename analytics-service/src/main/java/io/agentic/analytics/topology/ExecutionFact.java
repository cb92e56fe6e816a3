package io.agentic.analytics.topology;

import java.time.Instant;
import java.util.Locale;

/**
 * An execution started (or was retried) or ended.
 *
 * @param retry a retry of an ended execution starting again: it is running again, but it is not a
 *     new execution
 * @param durationMs for an end: from the execution's first start to this end
 */
public record ExecutionFact(
    String eventId,
    Instant at,
    String executionId,
    String workflowId,
    Phase phase,
    boolean retry,
    long durationMs)
    implements Fact {

  /** Where the execution is; everything but {@link #STARTED} ends it. */
  public enum Phase {
    STARTED,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean terminal() {
      return this != STARTED;
    }

    /** As the API spells execution statuses: {@code completed}, {@code failed}, … */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public boolean terminal() {
    return phase.terminal();
  }
}
