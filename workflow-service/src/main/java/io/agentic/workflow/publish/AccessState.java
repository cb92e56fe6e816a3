package io.agentic.workflow.publish;

import io.agentic.contracts.workflow.WorkflowAccessChanged;
import io.agentic.workflow.store.WorkflowDocument;
import java.time.Instant;
import java.util.List;

/** What {@code workflow.access.v1} says about a workflow, without the time it was said. */
record AccessState(
    List<String> owners,
    List<String> editors,
    List<String> viewers,
    boolean isPublic,
    String status,
    boolean deleted,
    int latestVersion) {

  static AccessState of(WorkflowDocument w) {
    return new AccessState(
        w.permissions().owners(),
        w.permissions().editors(),
        w.permissions().viewers(),
        w.isPublic(),
        w.status(),
        w.deleted(),
        w.version());
  }

  AccessState asDeleted() {
    return new AccessState(owners, editors, viewers, isPublic, status, true, latestVersion);
  }

  WorkflowAccessChanged toRecord(String workflowId, Instant at) {
    return new WorkflowAccessChanged(
        workflowId, owners, editors, viewers, isPublic, status, deleted, latestVersion, at);
  }
}
