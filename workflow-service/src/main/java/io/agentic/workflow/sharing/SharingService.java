package io.agentic.workflow.sharing;

import io.agentic.platform.problem.ApiException;
import io.agentic.platform.problem.FieldProblem;
import io.agentic.platform.security.CurrentUser;
import io.agentic.workflow.cache.WorkflowCache;
import io.agentic.workflow.crud.WorkflowService;
import io.agentic.workflow.publish.AuditTrail;
import io.agentic.workflow.publish.WorkflowAnnouncer;
import io.agentic.workflow.store.Permissions;
import io.agentic.workflow.store.WorkflowAccess;
import io.agentic.workflow.store.WorkflowDocument;
import io.agentic.workflow.store.WorkflowStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Changes who holds which role on a workflow, and whether it is public: owners and admins only. */
@Service
class SharingService {

  static final int MAX_USERS_PER_ROLE = 100;
  static final int MAX_USER_ID = 128;

  private final WorkflowService workflows;
  private final WorkflowStore store;
  private final WorkflowAnnouncer announcer;
  private final WorkflowCache cache;
  private final AuditTrail audit;
  private final Clock clock = Clock.systemUTC();

  SharingService(
      WorkflowService workflows,
      WorkflowStore store,
      WorkflowAnnouncer announcer,
      WorkflowCache cache,
      AuditTrail audit) {
    this.workflows = workflows;
    this.store = store;
    this.announcer = announcer;
    this.cache = cache;
    this.audit = audit;
  }

  WorkflowDocument share(CurrentUser user, String id, PermissionsRequest request, String clientIp) {
    WorkflowDocument current = workflows.readableForChange(user, id);
    if (!WorkflowAccess.canManage(current, user)) {
      throw ApiException.forbidden("Only the workflow's owners may share it");
    }
    List<FieldProblem> errors = new ArrayList<>();
    checkIds("owners", request.owners(), errors);
    checkIds("editors", request.editors(), errors);
    checkIds("viewers", request.viewers(), errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid("VALIDATION_FAILED", "The permissions are invalid", errors);
    }
    Permissions permissions = merge(current.permissions(), request);
    if (permissions.owners().isEmpty()) {
      throw ApiException.invalid(
          "VALIDATION_FAILED",
          "A workflow must keep at least one owner",
          List.of(new FieldProblem("owners", "must not be empty")));
    }
    boolean isPublic = request.isPublic() == null ? current.isPublic() : request.isPublic();
    var now = WorkflowStore.now(clock);
    String token = UUID.randomUUID().toString();
    if (!store.savePermissions(id, permissions, isPublic, now, token)) {
      throw ApiException.notFound("Workflow " + id);
    }
    cache.invalidate(id);
    audit.workflowShared(
        user.id(), id, clientIp, SharingChange.describe(current, permissions, isPublic));
    announcer.announce(id, token);
    announcer.changed(id, "shared", current.version(), user.id());
    return current.withAccess(permissions, isPublic, now, token);
  }

  /**
   * The lists sent replace the stored ones; a user named in a list that was sent leaves the lists
   * that were not (so {@code {viewers: [bob]}} demotes an editor bob). Each user then keeps only
   * their strongest role.
   */
  static Permissions merge(Permissions stored, PermissionsRequest request) {
    Set<String> named = new HashSet<>();
    for (List<String> list :
        List.of(
            orEmpty(request.owners()), orEmpty(request.editors()), orEmpty(request.viewers()))) {
      named.addAll(list);
    }
    return new Permissions(
            pick(request.owners(), stored.owners(), named),
            pick(request.editors(), stored.editors(), named),
            pick(request.viewers(), stored.viewers(), named))
        .normalized();
  }

  private static List<String> pick(List<String> sent, List<String> stored, Set<String> named) {
    return sent != null ? sent : stored.stream().filter(u -> !named.contains(u)).toList();
  }

  private static List<String> orEmpty(List<String> list) {
    return list == null ? List.of() : list;
  }

  private static void checkIds(String field, List<String> ids, List<FieldProblem> errors) {
    if (ids == null) {
      return;
    }
    if (ids.size() > MAX_USERS_PER_ROLE) {
      errors.add(new FieldProblem(field, "at most " + MAX_USERS_PER_ROLE + " users per role"));
    }
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (id == null || id.isBlank() || id.length() > MAX_USER_ID) {
        errors.add(
            new FieldProblem(
                field + "[" + i + "]", "must be a user id of 1 to " + MAX_USER_ID + " characters"));
      }
    }
  }
}
