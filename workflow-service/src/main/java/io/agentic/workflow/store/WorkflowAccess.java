package io.agentic.workflow.store;

import io.agentic.platform.security.CurrentUser;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Who may do what with a workflow. Admins may do everything. Users read what they own, edit or
 * view, and public workflows; users with role {@code viewer} read only what lists them as viewers
 * and public workflows, and change nothing.
 */
public final class WorkflowAccess {

  private WorkflowAccess() {}

  public static boolean canRead(WorkflowDocument w, CurrentUser user) {
    if (user.isAdmin() || w.isPublic()) {
      return true;
    }
    Permissions p = w.permissions();
    if (user.isViewer()) {
      return p.viewers().contains(user.id());
    }
    return p.owners().contains(user.id())
        || p.editors().contains(user.id())
        || p.viewers().contains(user.id());
  }

  /** Change the graph, name, tags or status. */
  public static boolean canEdit(WorkflowDocument w, CurrentUser user) {
    if (user.isAdmin()) {
      return true;
    }
    return !user.isViewer()
        && (w.permissions().owners().contains(user.id())
            || w.permissions().editors().contains(user.id()));
  }

  /** Share, delete, make public. */
  public static boolean canManage(WorkflowDocument w, CurrentUser user) {
    if (user.isAdmin()) {
      return true;
    }
    return !user.isViewer() && w.permissions().owners().contains(user.id());
  }

  /** Create workflows (and copies of them). */
  public static boolean canCreate(CurrentUser user) {
    return !user.isViewer();
  }

  /**
   * {@link #canRead} as a query, so that lists and their totals never include what the caller may
   * not see. Null for admins, who see everything.
   */
  public static Criteria readableBy(CurrentUser user) {
    if (user.isAdmin()) {
      return null;
    }
    if (user.isViewer()) {
      return new Criteria()
          .orOperator(
              Criteria.where("isPublic").is(true),
              Criteria.where("permissions.viewers").is(user.id()));
    }
    return new Criteria()
        .orOperator(
            Criteria.where("isPublic").is(true),
            Criteria.where("permissions.owners").is(user.id()),
            Criteria.where("permissions.editors").is(user.id()),
            Criteria.where("permissions.viewers").is(user.id()));
  }
}
