package io.agentic.analytics.topology;

import java.time.Instant;

/**
 * A workflow was created, updated, deleted or shared.
 *
 * @param change {@code created}, {@code updated}, {@code deleted} or {@code shared}
 */
public record WorkflowFact(String eventId, Instant at, String workflowId, String change)
    implements Fact {}
