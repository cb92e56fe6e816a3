package io.agentic.analytics.topology;

import java.time.Instant;

/**
 * An execution that ended.
 *
 * @param id the execution's id
 * @param status {@code completed}, {@code failed} or {@code cancelled}
 */
public record RecentExecution(
    String id, String workflowId, String status, long durationMs, Instant finishedAt) {}
