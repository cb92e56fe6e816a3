package io.agentic.workflow.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/workflows/analytics/summary}: what the workflows of the whole installation look
 * like now (deleted ones excluded).
 *
 * @param byStatus every status with at least one workflow, and its count
 * @param byTag the 20 most used tags, most used first (ties by name)
 * @param byOwner the 20 users owning most workflows, most first (ties by id)
 * @param recentlyChanged the 10 most recently changed workflows, newest first
 */
record WorkflowSummary(
    long total,
    Map<String, Long> byStatus,
    List<TagCount> byTag,
    List<OwnerCount> byOwner,
    List<RecentChange> recentlyChanged,
    Instant generatedAt) {

  record TagCount(String tag, long count) {}

  record OwnerCount(String ownerId, long count) {}

  record RecentChange(String id, String name, int version, Instant updatedAt) {}
}
