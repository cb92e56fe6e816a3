package io.agentic.contracts.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Who may read and run a workflow now. Topic {@code workflow.access.v1}, compacted, key {@code
 * workflowId}: the latest record is the workflow's current access.
 *
 * @param status {@code active} or {@code archived} (archived workflows cannot start executions)
 * @param deleted true once the workflow is deleted; no execution may start after that
 * @param latestVersion the newest saved version
 */
public record WorkflowAccessChanged(
    String workflowId,
    List<String> owners,
    List<String> editors,
    List<String> viewers,
    @JsonProperty("isPublic") boolean isPublic,
    String status,
    boolean deleted,
    int latestVersion,
    Instant changedAt) {}
