package io.agentic.execution.dispatch;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.StartExecution;
import io.agentic.contracts.execution.StepError;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.execution.ExecutionProperties;
import io.agentic.execution.engine.ChildStart;
import io.agentic.execution.engine.ExecutionState;
import io.agentic.execution.store.ExecutionStore;
import io.agentic.execution.store.ExecutionTrees;
import io.agentic.execution.store.OutboxEntry;
import io.agentic.execution.store.StoredExecution;
import io.agentic.execution.workflows.WorkflowAccess;
import io.agentic.execution.workflows.WorkflowCatalog;
import io.agentic.execution.workflows.WorkflowVersion;
import io.agentic.platform.security.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns a decision's "start child" into what the parent's outbox carries. The child's document is
 * created first, {@code pending}, under its deterministic id (a second attempt finds it and creates
 * nothing); the parent's outbox then holds the child's {@code StartExecution}. When the child
 * cannot be created — its workflow is unknown, deleted, archived or not readable by the user who
 * started the root, or the tree already has its maximum of children — the outbox holds a failed
 * step result for the parent's node instead, so the node fails like any other step.
 */
@Component
class ChildLauncher {

  private final ExecutionStore executions;
  private final ExecutionTrees trees;
  private final WorkflowCatalog workflows;
  private final Partitions partitions;
  private final ExecutionProperties properties;

  ChildLauncher(
      ExecutionStore executions,
      ExecutionTrees trees,
      WorkflowCatalog workflows,
      Partitions partitions,
      ExecutionProperties properties) {
    this.executions = executions;
    this.trees = trees;
    this.workflows = workflows;
    this.partitions = partitions;
    this.properties = properties;
  }

  OutboxEntry prepare(ChildStart child, Instant now) {
    if (executions.find(child.executionId()).isEmpty()) {
      Optional<StepError> refused = create(child, now);
      if (refused.isPresent()) {
        return OutboxEntry.message(
            Topics.STEP_RESULTS,
            child.parent().executionId(),
            new StepFinished(
                child.executionId(),
                child.parent().executionId(),
                child.parent().nodeId(),
                child.parent().attempt(),
                false,
                null,
                refused.get(),
                null,
                now,
                now),
            now);
      }
    }
    return OutboxEntry.message(
        Topics.EXECUTION_COMMANDS,
        child.executionId(),
        new StartExecution(UUID.randomUUID().toString(), child.executionId(), now),
        now);
  }

  private Optional<StepError> create(ChildStart child, Instant now) {
    CurrentUser starter =
        new CurrentUser(
            child.userId(),
            null,
            child.userRole() == null ? CurrentUser.USER : child.userRole(),
            Set.of(),
            null);
    Optional<WorkflowAccess> access =
        workflows.knownAccess(child.workflowId()).filter(a -> a.readableBy(starter));
    if (access.isEmpty()) {
      return refused(
          "WORKFLOW_NOT_FOUND",
          "Workflow " + child.workflowId() + " was not found or may not be run by this user");
    }
    if (access.get().archived()) {
      return refused("WORKFLOW_ARCHIVED", "Workflow " + child.workflowId() + " is archived");
    }
    int latest = access.get().latestVersion();
    Optional<WorkflowVersion> version = workflows.version(child.workflowId(), latest, null);
    if (version.isEmpty()) {
      return refused(
          "WORKFLOW_NOT_FOUND",
          "Version " + latest + " of workflow " + child.workflowId() + " was not found");
    }
    if (!trees.reserve(child.rootExecutionId(), properties.maxChildrenPerRoot())) {
      return refused(
          "TOO_MANY_CHILDREN",
          "Execution "
              + child.rootExecutionId()
              + " already has "
              + properties.maxChildrenPerRoot()
              + " child executions");
    }
    ExecutionState state =
        ExecutionState.child(
            child,
            latest,
            version.get().nodes(),
            version.get().edges(),
            now,
            properties.deadline());
    try {
      executions.insert(
          new StoredExecution(
              state,
              0,
              partitions.of(child.executionId()),
              List.of(),
              "id:" + child.executionId(),
              null));
    } catch (MongoWriteException e) {
      // Created meanwhile by an earlier try of this same decision: the same child.
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
    return Optional.empty();
  }

  private static Optional<StepError> refused(String code, String message) {
    return Optional.of(new StepError(code, message, false));
  }
}
