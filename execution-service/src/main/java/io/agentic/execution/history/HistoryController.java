package io.agentic.execution.history;

import io.agentic.execution.redaction.Redaction;
import io.agentic.execution.run.Visibility;
import io.agentic.execution.store.ExecutionStatistics;
import io.agentic.execution.store.ExecutionStore;
import io.agentic.execution.store.StoredExecution;
import io.agentic.execution.workflows.WorkflowAccess;
import io.agentic.execution.workflows.WorkflowCatalog;
import io.agentic.platform.kafka.ContractJson;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What happened before, under {@code /api/executions}: a node's whole output, a workflow's
 * execution statistics, and the admins' summary.
 */
@RestController
@RequestMapping("/api/executions")
class HistoryController {

  private static final int TOP_WORKFLOWS = 10;

  private final Visibility visibility;
  private final ExecutionStore executions;
  private final ExecutionStatistics statistics;
  private final WorkflowCatalog workflows;

  HistoryController(
      Visibility visibility,
      ExecutionStore executions,
      ExecutionStatistics statistics,
      WorkflowCatalog workflows) {
    this.visibility = visibility;
    this.executions = executions;
    this.statistics = statistics;
    this.workflows = workflows;
  }

  /** The node's whole output, also when it is too large to show inline; secrets redacted. */
  @GetMapping("/{id}/nodes/{nodeId}/output")
  ResponseEntity<byte[]> nodeOutput(
      @PathVariable String id, @PathVariable String nodeId, CurrentUser user) {
    StoredExecution stored = visibility.visible(id, user);
    if (!stored.state().nodeResults().containsKey(nodeId)) {
      throw ApiException.notFound("Node " + nodeId + " of execution " + id);
    }
    Object output = executions.nodeOutput(stored, nodeId).orElse(null);
    // Written here rather than by a converter: the value may be any JSON, null included.
    byte[] json = ContractJson.mapper().writeValueAsBytes(Redaction.json(output));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
  }

  /**
   * Figures over the executions of a workflow the caller may read: all of them for its owners and
   * admins, the caller's own for everyone else.
   */
  @GetMapping("/workflow/{workflowId}/stats")
  ExecutionStatistics.WorkflowStats stats(@PathVariable String workflowId, CurrentUser user) {
    WorkflowAccess access =
        workflows
            .knownAccess(workflowId)
            .filter(a -> a.readableBy(user))
            .orElseThrow(() -> ApiException.notFound("Workflow " + workflowId));
    boolean all = user.isAdmin() || (!user.isViewer() && access.ownedBy(user.id()));
    return statistics.ofWorkflow(workflowId, all ? null : user.id());
  }

  @GetMapping("/analytics/summary")
  ExecutionStatistics.Summary summary(CurrentUser user) {
    if (!user.isAdmin()) {
      throw ApiException.forbidden("Only admins may see the execution summary");
    }
    return statistics.summary(TOP_WORKFLOWS);
  }
}
