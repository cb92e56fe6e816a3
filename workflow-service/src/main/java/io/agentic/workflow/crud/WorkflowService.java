package io.agentic.workflow.crud;

import io.agentic.platform.problem.ApiException;
import io.agentic.platform.problem.FieldProblem;
import io.agentic.platform.security.CurrentUser;
import io.agentic.workflow.cache.WorkflowCache;
import io.agentic.workflow.graph.GraphValidator;
import io.agentic.workflow.graph.Violation;
import io.agentic.workflow.publish.WorkflowAnnouncer;
import io.agentic.workflow.store.GraphJson;
import io.agentic.workflow.store.WorkflowAccess;
import io.agentic.workflow.store.WorkflowDocument;
import io.agentic.workflow.store.WorkflowStore;
import io.agentic.workflow.store.WorkflowVersionDocument;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Creating, reading, changing and deleting workflows, with the access rules of the API. A change is
 * stored first and then published (see {@link WorkflowAnnouncer}); the answer waits for both. Reads
 * go through the Redis {@link WorkflowCache}; changes read MongoDB and invalidate the cache right
 * after they are stored, before anything else can answer.
 */
@Service
public class WorkflowService {

  private static final Set<String> STATUSES =
      Set.of(WorkflowDocument.ACTIVE, WorkflowDocument.ARCHIVED);
  private static final int SAVE_ATTEMPTS = 3;

  private final WorkflowStore store;
  private final GraphValidator validator;
  private final WorkflowAnnouncer announcer;
  private final WorkflowCache cache;
  private final Clock clock = Clock.systemUTC();

  WorkflowService(
      WorkflowStore store,
      GraphValidator validator,
      WorkflowAnnouncer announcer,
      WorkflowCache cache) {
    this.store = store;
    this.validator = validator;
    this.announcer = announcer;
    this.cache = cache;
  }

  /** Validates and stores a new workflow owned by the caller, at version 1, and publishes it. */
  public WorkflowDocument create(CurrentUser user, WorkflowRequest request) {
    if (!WorkflowAccess.canCreate(user)) {
      throw ApiException.forbidden("Users with role viewer cannot create workflows");
    }
    validate(request);
    return insertNew(
        user,
        new WorkflowStore.Content(
            request.name(),
            request.descriptionOrEmpty(),
            GraphJson.write(request.nodesOrEmpty(), request.edgesOrEmpty()),
            request.distinctTags(),
            request.status() == null ? WorkflowDocument.ACTIVE : request.status(),
            Boolean.TRUE.equals(request.isPublic())));
  }

  /**
   * The workflow if the caller may read it; 404 alike for absent and invisible ones. Served from
   * the cache when it holds the workflow; access is checked on what was read, wherever from.
   */
  public WorkflowDocument readable(CurrentUser user, String id) {
    return visible(user, id, cache.workflow(id, () -> store.find(id)));
  }

  /** {@link #readable} straight from MongoDB: what a change must start from. */
  public WorkflowDocument readableForChange(CurrentUser user, String id) {
    return visible(user, id, store.find(id));
  }

  /** A saved version of a workflow the caller may read (cached: versions never change). */
  public Optional<WorkflowVersionDocument> version(String id, int version) {
    return cache.version(id, version, () -> store.findVersion(id, version));
  }

  private static WorkflowDocument visible(
      CurrentUser user, String id, Optional<WorkflowDocument> found) {
    return found
        .filter(w -> WorkflowAccess.canRead(w, user))
        .orElseThrow(() -> ApiException.notFound("Workflow " + id));
  }

  WorkflowStore.Slice<WorkflowDocument> list(
      CurrentUser user, ListFilter filter, int page, int size) {
    PageView.checkPaging(page, size);
    if (filter.status() != null && !STATUSES.contains(filter.status())) {
      throw ApiException.invalid(
          "VALIDATION_FAILED",
          "Unknown status filter",
          List.of(new FieldProblem("status", "status must be active or archived")));
    }
    return store.list(filter.criteria(WorkflowAccess.readableBy(user)), page, size);
  }

  WorkflowDocument update(CurrentUser user, String id, WorkflowRequest request, String ifMatch) {
    for (int attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
      WorkflowDocument current = readableForChange(user, id);
      if (!WorkflowAccess.canEdit(current, user)) {
        throw ApiException.forbidden("Only the workflow's owners and editors may change it");
      }
      if (ifMatch != null && !IfMatch.matches(ifMatch, current.version())) {
        throw stale(current);
      }
      if (attempt == 0) {
        validate(request);
      }
      boolean isPublic = request.isPublic() == null ? current.isPublic() : request.isPublic();
      if (isPublic != current.isPublic() && !WorkflowAccess.canManage(current, user)) {
        throw ApiException.forbidden("Only the workflow's owners may make it public or private");
      }
      WorkflowStore.Content content =
          new WorkflowStore.Content(
              request.name(),
              request.descriptionOrEmpty(),
              GraphJson.write(request.nodesOrEmpty(), request.edgesOrEmpty()),
              request.distinctTags(),
              request.status() == null ? current.status() : request.status(),
              isPublic);
      // A save interrupted between its two writes left its version only in the workflow itself.
      if (!store.versionExists(id, current.version())) {
        store.insertVersion(WorkflowVersionDocument.of(current));
      }
      var now = WorkflowStore.now(clock);
      String token = UUID.randomUUID().toString();
      if (store.saveContent(id, current.version(), content, user.id(), now, token)) {
        cache.invalidate(id);
        WorkflowDocument saved = current.withContent(content, user.id(), now, token);
        store.insertVersion(WorkflowVersionDocument.of(saved));
        announcer.announce(id, token);
        announcer.changed(id, "updated", saved.version(), user.id());
        return saved;
      }
      if (ifMatch != null) {
        throw stale(current);
      }
      // No If-Match: the client asked for its content to win; try again on the newer version.
    }
    throw ApiException.conflict(
        "CONFLICT", "The workflow is being changed by others at the same time; try again");
  }

  void delete(CurrentUser user, String id) {
    WorkflowDocument current = readableForChange(user, id);
    if (!WorkflowAccess.canManage(current, user)) {
      throw ApiException.forbidden("Only the workflow's owners may delete it");
    }
    String token = UUID.randomUUID().toString();
    if (!store.markDeleted(id, WorkflowStore.now(clock), token)) {
      throw ApiException.notFound("Workflow " + id);
    }
    cache.invalidate(id);
    announcer.announce(id, token);
    announcer.changed(id, "deleted", current.version(), user.id());
  }

  WorkflowDocument duplicate(CurrentUser user, String id) {
    WorkflowDocument source = readable(user, id);
    if (!WorkflowAccess.canCreate(user)) {
      throw ApiException.forbidden("Users with role viewer cannot create workflows");
    }
    String name = source.name() + " (copy)";
    return insertNew(
        user,
        new WorkflowStore.Content(
            name.length() <= GraphValidator.MAX_NAME ? name : source.name(),
            source.description(),
            source.graph(),
            source.tags(),
            WorkflowDocument.ACTIVE,
            false));
  }

  /** Stores a new workflow as version 1, owned by the caller, and publishes it. */
  private WorkflowDocument insertNew(CurrentUser user, WorkflowStore.Content content) {
    String token = UUID.randomUUID().toString();
    WorkflowDocument workflow =
        WorkflowDocument.created(
            UUID.randomUUID().toString(), content, user.id(), WorkflowStore.now(clock), token);
    store.insert(workflow);
    store.insertVersion(WorkflowVersionDocument.of(workflow));
    announcer.announce(workflow.id(), token);
    announcer.changed(workflow.id(), "created", 1, user.id());
    return workflow;
  }

  private void validate(WorkflowRequest request) {
    List<Violation> violations = new ArrayList<>(validator.validate(request.draft()));
    if (request.status() != null && !STATUSES.contains(request.status())) {
      violations.add(new Violation("status", "status must be active or archived", false));
    }
    if (!violations.isEmpty()) {
      throw rejection(violations);
    }
  }

  /**
   * The 400 for a workflow that may not be saved, listing every violation: {@code
   * EXPRESSION_INVALID} when only expressions are wrong, else {@code GRAPH_INVALID}.
   */
  public static ApiException rejection(List<Violation> violations) {
    boolean onlyExpressions = GraphValidator.onlyExpressionProblems(violations);
    List<FieldProblem> errors = violations.stream().map(Violation::toFieldProblem).toList();
    return onlyExpressions
        ? ApiException.invalid(
            "EXPRESSION_INVALID", "The workflow holds expressions that do not compile", errors)
        : ApiException.invalid(
            "GRAPH_INVALID", "The workflow is invalid; every problem is listed in errors", errors);
  }

  private static ApiException stale(WorkflowDocument current) {
    HttpHeaders headers = new HttpHeaders();
    headers.setETag(WorkflowView.etag(current.version()));
    return new ApiException(
        HttpStatus.PRECONDITION_FAILED,
        "PRECONDITION_FAILED",
        "If-Match does not name the current version (" + WorkflowView.etag(current.version()) + ")",
        List.of(),
        headers);
  }
}
