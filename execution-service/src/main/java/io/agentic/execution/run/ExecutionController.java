package io.agentic.execution.run;

import io.agentic.execution.ExecutionProperties;
import io.agentic.execution.dispatch.Commands;
import io.agentic.execution.engine.ExecutionState;
import io.agentic.execution.engine.ExecutionStatus;
import io.agentic.execution.store.ExecutionPage;
import io.agentic.execution.store.ExecutionQuery;
import io.agentic.execution.store.ExecutionStore;
import io.agentic.execution.workflows.WorkflowCatalog;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.problem.FieldProblem;
import io.agentic.platform.security.CurrentUser;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/executions}: start, read, list, stop and retry executions. */
@RestController
@RequestMapping("/api/executions")
class ExecutionController {

  private final ExecutionStarter starter;
  private final ExecutionStore executions;
  private final Visibility visibility;
  private final WorkflowCatalog workflows;
  private final Commands commands;
  private final Waiting waiting;
  private final ExecutionProperties properties;

  ExecutionController(
      ExecutionStarter starter,
      ExecutionStore executions,
      Visibility visibility,
      WorkflowCatalog workflows,
      Commands commands,
      Waiting waiting,
      ExecutionProperties properties) {
    this.starter = starter;
    this.executions = executions;
    this.visibility = visibility;
    this.workflows = workflows;
    this.commands = commands;
    this.waiting = waiting;
    this.properties = properties;
  }

  @PostMapping
  ResponseEntity<ExecutionView> start(
      @RequestBody StartExecutionRequest body,
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestParam(defaultValue = "false") boolean wait,
      @RequestParam(required = false) Long timeoutMs,
      CurrentUser user) {
    long waitMs = waitMillis(timeoutMs);
    ExecutionState state;
    // The seat is taken first: a request refused for waiting too much must not have started.
    try (Waiters.Seat seat = wait ? waiting.seat(user.id()) : null) {
      ExecutionStarter.Started started =
          starter.start(user, body, blankToNull(idempotencyKey), authorization);
      state = started.execution().state();
      if (wait) {
        state = waiting.untilEnded(state, waitMs);
      }
    }
    URI location = URI.create("/api/executions/" + state.id());
    HttpStatus status = wait && state.status().isTerminal() ? HttpStatus.OK : HttpStatus.ACCEPTED;
    return ResponseEntity.status(status).location(location).body(ExecutionView.of(state));
  }

  @GetMapping("/{id}")
  ExecutionView get(@PathVariable String id, CurrentUser user) {
    return ExecutionView.of(visible(id, user));
  }

  @GetMapping
  Map<String, Object> list(
      @RequestParam(required = false) String workflowId,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String parentExecutionId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      CurrentUser user) {
    if (page < 0) {
      throw invalid("page", "must be 0 or more");
    }
    if (size < 1 || size > 100) {
      throw invalid("size", "must be between 1 and 100");
    }
    ExecutionStatus wanted =
        status == null
            ? null
            : ExecutionStatus.fromWire(status)
                .orElseThrow(
                    () ->
                        invalid(
                            "status", "must be pending, running, completed, failed or cancelled"));
    Set<String> owned = user.isAdmin() || user.isViewer() ? Set.of() : workflows.ownedBy(user.id());
    ExecutionPage result =
        executions.query(
            new ExecutionQuery(
                user.isAdmin(),
                user.id(),
                owned,
                blankToNull(workflowId),
                wanted,
                instant("from", from),
                instant("to", to),
                blankToNull(parentExecutionId),
                page,
                size));
    List<ExecutionView> items = result.items().stream().map(ExecutionView::of).toList();
    return ExecutionView.page(items, page, size, result.total());
  }

  @PostMapping("/{id}/stop")
  ResponseEntity<ExecutionView> stop(@PathVariable String id, CurrentUser user) {
    ExecutionState state = visible(id, user);
    requireNotViewer(user);
    if (state.status().isTerminal()) {
      throw ended(id);
    }
    state =
        waiting.afterCommand(
            state,
            properties.stopWait().toMillis(),
            () -> commands.cancel(id, user.id(), "Stopped by " + user.id()));
    if (state.status() == ExecutionStatus.CANCELLED) {
      return ResponseEntity.ok(ExecutionView.of(state));
    }
    if (state.status().isTerminal()) {
      throw ended(id);
    }
    return ResponseEntity.accepted().body(ExecutionView.of(state));
  }

  @PostMapping("/{id}/retry")
  ResponseEntity<ExecutionView> retry(@PathVariable String id, CurrentUser user) {
    ExecutionState state = visible(id, user);
    requireNotViewer(user);
    if (state.status() != ExecutionStatus.FAILED && state.status() != ExecutionStatus.CANCELLED) {
      throw ApiException.conflict(
          "EXECUTION_NOT_RETRYABLE",
          "Only failed or cancelled executions can be retried; this one is "
              + state.status().wire());
    }
    commands.retry(id, user.id());
    return ResponseEntity.accepted()
        .location(URI.create("/api/executions/" + id))
        .body(ExecutionView.of(state));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable String id, CurrentUser user) {
    if (!user.isAdmin()) {
      visible(id, user);
      throw ApiException.forbidden("Only admins may delete executions");
    }
    executions.find(id).orElseThrow(() -> ApiException.notFound("Execution " + id));
    executions.delete(id);
    return ResponseEntity.noContent().build();
  }

  private ExecutionState visible(String id, CurrentUser user) {
    return visibility.visible(id, user).state();
  }

  private static void requireNotViewer(CurrentUser user) {
    if (user.isViewer()) {
      throw ApiException.forbidden("Viewers cannot stop or retry executions");
    }
  }

  private long waitMillis(Long timeoutMs) {
    if (timeoutMs == null) {
      return properties.defaultWait().toMillis();
    }
    if (timeoutMs < 0 || timeoutMs > properties.maxWait().toMillis()) {
      throw invalid("timeoutMs", "must be between 0 and " + properties.maxWait().toMillis());
    }
    return timeoutMs;
  }

  private static ApiException ended(String id) {
    return ApiException.conflict("EXECUTION_ENDED", "Execution " + id + " has already ended");
  }

  private static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(field, "must be an ISO-8601 UTC timestamp such as 2026-01-31T00:00:00Z");
    }
  }

  private static ApiException invalid(String field, String message) {
    return ApiException.invalid(
        "VALIDATION_FAILED", "The request is invalid", List.of(new FieldProblem(field, message)));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
