package io.agentic.execution.engine;

import java.time.Instant;

/**
 * What a running node waits for. Only the awaited step id or timer id moves the node on, which is
 * how duplicate, stale and late results are told apart from the one that counts.
 *
 * @param attempt the attempt the step belongs to, or the attempt a backoff leads to
 * @param stepId the awaited step ({@link Kind#STEP} only)
 * @param timerId the step's timeout timer, the backoff timer or the delay timer; for {@link
 *     Kind#CHILDREN} the timeout timer, null when the node has no {@code timeoutMs}
 */
public record Wait(Kind kind, int attempt, String stepId, String timerId, Instant dueAt) {

  public enum Kind {
    /** A step was dispatched; its result or its timeout comes next. */
    STEP,
    /** An attempt failed; the next is dispatched when the backoff timer fires. */
    BACKOFF,
    /** A DELAY node; it completes when its timer fires. */
    DELAY,
    /** A SUB_WORKFLOW or LOOP node; its child executions report their ends as step results. */
    CHILDREN
  }
}
