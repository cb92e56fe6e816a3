package io.agentic.contracts.workflow;

import java.time.Instant;
import java.util.List;

/**
 * A saved, immutable version of a workflow. Topic {@code workflow.versions.v1}, compacted, key
 * {@code workflowId:version} so that every version survives compaction.
 */
public record WorkflowVersionSaved(
    String workflowId,
    int version,
    String name,
    String ownerId,
    List<WorkflowNode> nodes,
    List<WorkflowEdge> edges,
    String savedBy,
    Instant savedAt) {

  /** The record key. */
  public String key() {
    return workflowId + ":" + version;
  }
}
