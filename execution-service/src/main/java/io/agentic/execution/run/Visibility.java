package io.agentic.execution.run;

import io.agentic.execution.engine.ExecutionState;
import io.agentic.execution.store.ExecutionStore;
import io.agentic.execution.store.StoredExecution;
import io.agentic.execution.workflows.WorkflowCatalog;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Who may see an execution (its events and outputs too, and so stop or retry it): the user who
 * started it, the owners of its workflow, and admins. Everyone else is told it does not exist. A
 * child execution runs as the user who started its root, so that user sees it as well.
 */
@Component
public class Visibility {

  private final WorkflowCatalog workflows;
  private final ExecutionStore executions;

  Visibility(WorkflowCatalog workflows, ExecutionStore executions) {
    this.workflows = workflows;
    this.executions = executions;
  }

  public boolean canSee(CurrentUser user, ExecutionState execution) {
    if (user.isAdmin() || user.id().equals(execution.userId())) {
      return true;
    }
    return !user.isViewer()
        && workflows
            .knownAccess(execution.workflowId())
            .map(a -> a.ownedBy(user.id()))
            .orElse(false);
  }

  /**
   * The execution as stored, if {@code user} may see it.
   *
   * @throws ApiException 404 when it is absent or not visible
   */
  public StoredExecution visible(String id, CurrentUser user) {
    return executions
        .find(id)
        .filter(e -> canSee(user, e.state()))
        .orElseThrow(() -> ApiException.notFound("Execution " + id));
  }
}
