package io.agentic.execution.workflows;

import io.agentic.platform.security.CurrentUser;
import java.time.Instant;
import java.util.List;

/** Who may read and run a workflow now, and whether it can start executions at all. */
public record WorkflowAccess(
    String workflowId,
    List<String> owners,
    List<String> editors,
    List<String> viewers,
    boolean isPublic,
    String status,
    boolean deleted,
    int latestVersion,
    Instant changedAt) {

  public static final String ARCHIVED = "archived";

  /** Whether {@code user} may read the workflow, and so start it (roles permitting). */
  public boolean readableBy(CurrentUser user) {
    if (deleted) {
      return false;
    }
    if (user.isAdmin() || isPublic || viewers.contains(user.id())) {
      return true;
    }
    // A role viewer may only be listed as a viewer; owner or editor entries do not count for them.
    return !user.isViewer() && (owners.contains(user.id()) || editors.contains(user.id()));
  }

  public boolean ownedBy(String userId) {
    return owners.contains(userId);
  }

  public boolean archived() {
    return ARCHIVED.equals(status);
  }
}
