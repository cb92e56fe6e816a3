package io.agentic.workflow.versions;

import io.agentic.workflow.store.WorkflowVersionDocument;
import java.time.Instant;
import java.util.List;

/** One saved version in the list of versions: what it was called and who saved it when. */
record VersionSummary(
    int version,
    String name,
    String description,
    List<String> tags,
    String status,
    String savedBy,
    Instant savedAt) {

  static VersionSummary of(WorkflowVersionDocument v) {
    return new VersionSummary(
        v.version(), v.name(), v.description(), v.tags(), v.status(), v.savedBy(), v.savedAt());
  }
}
