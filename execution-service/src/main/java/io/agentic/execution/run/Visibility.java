package io.agentic.execution.run;

import io.agentic.execution.engine.ExecutionState;
import io.agentic.execution.workflows.WorkflowCatalog;
import io.agentic.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who may see an execution (and so stop or retry it): the user who started it, the owners of its
 * workflow, and admins. Everyone else is told it does not exist.
 */
@Component
class Visibility {

  private final WorkflowCatalog workflows;

  Visibility(WorkflowCatalog workflows) {
    this.workflows = workflows;
  }

  boolean canSee(CurrentUser user, ExecutionState execution) {
    if (user.isAdmin() || user.id().equals(execution.userId())) {
      return true;
    }
    return !user.isViewer()
        && workflows
            .knownAccess(execution.workflowId())
            .map(a -> a.ownedBy(user.id()))
            .orElse(false);
  }
}
