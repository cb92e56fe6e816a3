package io.agentic.auth.user;

import io.agentic.auth.audit.AuditLog;
import io.agentic.auth.token.RefreshTokens;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.problem.FieldProblem;
import io.agentic.platform.security.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finding users (to share with) and, for admins, managing their roles. */
@RestController
@RequestMapping("/api/auth/users")
class UsersController {

  private static final Set<String> ROLES =
      Set.of(CurrentUser.ADMIN, CurrentUser.USER, CurrentUser.VIEWER);
  private static final int MAX_PAGE_SIZE = 100;
  private static final int MAX_QUERY = RegistrationRules.MAX_EMAIL;

  private final Users users;
  private final RefreshTokens refreshTokens;
  private final AuditLog audit;

  UsersController(Users users, RefreshTokens refreshTokens, AuditLog audit) {
    this.users = users;
    this.refreshTokens = refreshTokens;
    this.audit = audit;
  }

  /**
   * Admins: a page of the users whose username or email contains {@code q}. Everyone else: the one
   * user whose username or email is exactly {@code q}, as {@code [{id, username}]}, so that nobody
   * can list the accounts.
   */
  @GetMapping
  Object search(
      CurrentUser caller,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    if (q.length() > MAX_QUERY) {
      throw invalid("q", "must be at most " + MAX_QUERY + " characters");
    }
    if (page < 0) {
      throw invalid("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    if (caller.isAdmin()) {
      List<UserView> items = users.search(q, page, size).stream().map(UserView::of).toList();
      return new UserPage(items, page, size, users.countMatching(q));
    }
    if (q.isBlank()) {
      return List.of();
    }
    return users.findExactly(q.trim()).map(u -> new UserSummary(u.id(), u.username())).stream()
        .toList();
  }

  /** Changes a role; the user's current logins end, so tokens with the old role stop working. */
  @PutMapping("/{id}/role")
  UserView changeRole(
      CurrentUser caller, @PathVariable String id, @RequestBody ChangeRoleRequest request) {
    if (!caller.isAdmin()) {
      throw ApiException.forbidden("Only admins may change roles");
    }
    if (request.role() == null || !ROLES.contains(request.role())) {
      throw invalid("role", "must be one of admin, user, viewer");
    }
    User user = users.findById(id).orElseThrow(() -> ApiException.notFound("User " + id));
    if (user.role().equals(request.role())) {
      return UserView.of(user);
    }
    if (CurrentUser.ADMIN.equals(user.role()) && users.countByRole(CurrentUser.ADMIN) <= 1) {
      throw ApiException.conflict("LAST_ADMIN", "The last admin cannot lose the admin role");
    }
    User changed =
        users.changeRole(id, request.role()).orElseThrow(() -> ApiException.notFound("User " + id));
    refreshTokens.revokeAllOf(id);
    audit.record(
        "role_changed",
        caller.id(),
        id,
        AuditLog.SUCCESS,
        Map.of("from", user.role(), "to", request.role()));
    return UserView.of(changed);
  }

  private static ApiException invalid(String field, String message) {
    return ApiException.invalid(
        "VALIDATION_FAILED", "The request is invalid", List.of(new FieldProblem(field, message)));
  }
}
