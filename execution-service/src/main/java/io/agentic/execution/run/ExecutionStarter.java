package io.agentic.execution.run;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.StartExecution;
import io.agentic.execution.ExecutionProperties;
import io.agentic.execution.dispatch.OutboxPublisher;
import io.agentic.execution.dispatch.Partitions;
import io.agentic.execution.engine.ExecutionState;
import io.agentic.execution.engine.InputFields;
import io.agentic.execution.store.ExecutionStore;
import io.agentic.execution.store.OutboxEntry;
import io.agentic.execution.store.RunningExecutions;
import io.agentic.execution.store.StoredExecution;
import io.agentic.execution.workflows.WorkflowAccess;
import io.agentic.execution.workflows.WorkflowCatalog;
import io.agentic.execution.workflows.WorkflowVersion;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.problem.FieldProblem;
import io.agentic.platform.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Accepts a new execution: checks who may start what with which inputs, stores it {@code pending}
 * with its start command in its outbox (one insert), then publishes the command. From then on only
 * the orchestrator changes it.
 */
@Component
class ExecutionStarter {

  /** The stored execution, and whether this request created it (false: an idempotent replay). */
  record Started(StoredExecution execution, boolean created) {}

  private final WorkflowCatalog workflows;
  private final ExecutionStore executions;
  private final RunningExecutions running;
  private final OutboxPublisher publisher;
  private final Partitions partitions;
  private final ExecutionProperties properties;
  private final Clock clock;

  ExecutionStarter(
      WorkflowCatalog workflows,
      ExecutionStore executions,
      RunningExecutions running,
      OutboxPublisher publisher,
      Partitions partitions,
      ExecutionProperties properties,
      Clock clock) {
    this.workflows = workflows;
    this.executions = executions;
    this.running = running;
    this.publisher = publisher;
    this.partitions = partitions;
    this.properties = properties;
    this.clock = clock;
  }

  Started start(
      CurrentUser user,
      StartExecutionRequest request,
      String idempotencyKey,
      String authorization) {
    if (user.isViewer()) {
      throw ApiException.forbidden("Viewers cannot start executions");
    }
    validate(request);
    Map<String, Object> inputs = request.inputs() == null ? Map.of() : request.inputs();
    String scope = idempotencyKey == null ? null : user.id() + "\n" + idempotencyKey;
    String hash =
        idempotencyKey == null
            ? null
            : RequestHash.of(request.workflowId(), inputs, request.version());
    if (scope != null) {
      Optional<Started> replay = replay(scope, hash);
      if (replay.isPresent()) {
        return replay.get();
      }
    }
    WorkflowAccess access =
        workflows
            .access(request.workflowId(), authorization)
            .filter(a -> a.readableBy(user))
            .orElseThrow(() -> ApiException.notFound("Workflow " + request.workflowId()));
    if (access.archived()) {
      throw ApiException.conflict(
          "WORKFLOW_ARCHIVED", "Workflow " + request.workflowId() + " is archived");
    }
    int versionNumber = request.version() != null ? request.version() : access.latestVersion();
    WorkflowVersion version =
        workflows
            .version(request.workflowId(), versionNumber, authorization)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "Version " + versionNumber + " of workflow " + request.workflowId()));
    List<InputFields.Problem> problems = InputFields.check(version.nodes(), inputs);
    if (!problems.isEmpty()) {
      throw ApiException.invalid(
          "INPUT_INVALID",
          "The inputs do not match the workflow's INPUT fields",
          problems.stream().map(p -> new FieldProblem(p.field(), p.message())).toList());
    }
    if (running.count(user.id(), clock.instant()) >= properties.maxRunningPerUser()) {
      throw ApiException.tooManyRequests(
          "TOO_MANY_RUNNING",
          "At most " + properties.maxRunningPerUser() + " running executions per user",
          5);
    }
    return create(user, version, inputs, scope, hash);
  }

  private Started create(
      CurrentUser user,
      WorkflowVersion version,
      Map<String, Object> inputs,
      String scope,
      String hash) {
    Instant now = clock.instant();
    String id = UUID.randomUUID().toString();
    ExecutionState state =
        ExecutionState.pending(
                id,
                version.workflowId(),
                version.version(),
                user.id(),
                version.nodes(),
                version.edges(),
                new LinkedHashMap<>(inputs),
                now,
                properties.deadline())
            .startedByRole(user.role());
    OutboxEntry start =
        OutboxEntry.message(
            Topics.EXECUTION_COMMANDS,
            id,
            new StartExecution(UUID.randomUUID().toString(), id, now),
            now);
    StoredExecution stored =
        new StoredExecution(
            state, 0, partitions.of(id), List.of(start), scope == null ? "id:" + id : scope, hash);
    // Counted first: a crash in between leaves an entry that stops counting at the deadline,
    // never an execution the limit misses.
    running.add(id, user.id(), state.deadline());
    try {
      executions.insert(stored);
    } catch (MongoWriteException e) {
      running.remove(id);
      if (scope != null && e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        // The same key raced us: answer like a replay of the request that won.
        return replay(scope, hash).orElseThrow(() -> e);
      }
      throw e;
    }
    publisher.flush(id, stored.outbox());
    return new Started(stored, true);
  }

  private Optional<Started> replay(String scope, String hash) {
    return executions
        .findByIdempotencyScope(scope)
        .map(
            existing -> {
              if (!hash.equals(existing.requestHash())) {
                throw new ApiException(
                    HttpStatus.valueOf(422),
                    "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was used with a different request",
                    List.of(),
                    HttpHeaders.EMPTY);
              }
              return new Started(existing, false);
            });
  }

  private static void validate(StartExecutionRequest request) {
    if (request == null) {
      throw ApiException.badRequest("VALIDATION_FAILED", "A JSON body is required");
    }
    if (request.workflowId() == null || request.workflowId().isBlank()) {
      throw ApiException.invalid(
          "VALIDATION_FAILED",
          "The request is invalid",
          List.of(new FieldProblem("workflowId", "is required")));
    }
    if (request.version() != null && request.version() < 1) {
      throw ApiException.invalid(
          "VALIDATION_FAILED",
          "The request is invalid",
          List.of(new FieldProblem("version", "must be 1 or more")));
    }
  }
}
