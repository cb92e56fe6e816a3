package io.agentic.execution.engine;

import java.time.Duration;

/**
 * Limits the engine applies.
 *
 * @param defaultNodeTimeout for I/O nodes without {@code timeoutMs}
 * @param deadline how long an execution may run, counted from its (re)start
 * @param maxLogEntries log lines kept per execution; later ones are only counted
 * @param maxBackoff the longest delay between two attempts
 * @param maxDepth how deep SUB_WORKFLOW and LOOP may nest child executions (a root is depth 0)
 * @param maxLoopItems the most items a LOOP accepts
 * @param defaultLoopConcurrency children a LOOP runs at once without {@code concurrency}
 * @param maxLoopConcurrency the largest {@code concurrency} accepted
 * @param maxInlineOutputBytes node outputs larger than this (as JSON) are shown and sent as a
 *     reference to {@code GET /api/executions/{id}/nodes/{nodeId}/output}
 */
public record EngineSettings(
    Duration defaultNodeTimeout,
    Duration deadline,
    int maxLogEntries,
    Duration maxBackoff,
    int maxDepth,
    int maxLoopItems,
    int defaultLoopConcurrency,
    int maxLoopConcurrency,
    long maxInlineOutputBytes) {

  public static final int MAX_DEPTH = 5;
  public static final int MAX_LOOP_ITEMS = 1000;
  public static final long MAX_INLINE_OUTPUT_BYTES = 256 * 1024;

  /** The first four limits; the child and output limits at their defaults. */
  public EngineSettings(
      Duration defaultNodeTimeout, Duration deadline, int maxLogEntries, Duration maxBackoff) {
    this(
        defaultNodeTimeout,
        deadline,
        maxLogEntries,
        maxBackoff,
        MAX_DEPTH,
        MAX_LOOP_ITEMS,
        5,
        20,
        MAX_INLINE_OUTPUT_BYTES);
  }

  public static EngineSettings defaults() {
    return new EngineSettings(
        Duration.ofMinutes(5), Duration.ofHours(24), 1000, Duration.ofHours(1));
  }
}
