package io.agentic.auth.admin;

import io.agentic.auth.user.UserView;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.problem.FieldProblem;
import io.agentic.platform.security.CurrentUser;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins only, and only with a login (an API key's token may not administer accounts). */
@RestController
@RequestMapping("/api/auth/users")
class UserAdminController {

  private static final Set<String> ROLES =
      Set.of(CurrentUser.ADMIN, CurrentUser.USER, CurrentUser.VIEWER);

  private final UserAdministration administration;

  UserAdminController(UserAdministration administration) {
    this.administration = administration;
  }

  /** Changes a role; the user's tokens issued before stop working, so the old role ends at once. */
  @PutMapping("/{id}/role")
  UserView changeRole(
      CurrentUser caller, @PathVariable String id, @RequestBody ChangeRoleRequest request) {
    requireAdmin(caller, "Only admins may change roles");
    if (request.role() == null || !ROLES.contains(request.role())) {
      throw ApiException.invalid(
          "VALIDATION_FAILED",
          "The request is invalid",
          List.of(new FieldProblem("role", "must be one of admin, user, viewer")));
    }
    return administration.changeRole(caller, id, request.role());
  }

  /** Deletes an account; its tokens and API keys stop working at once. */
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(CurrentUser caller, @PathVariable String id) {
    requireAdmin(caller, "Only admins may delete users");
    administration.delete(caller, id);
    return ResponseEntity.noContent().build();
  }

  private static void requireAdmin(CurrentUser caller, String detail) {
    if (!caller.scopes().isEmpty()) {
      throw new ApiException(
          HttpStatus.FORBIDDEN, "INSUFFICIENT_SCOPE", "This needs a login, not an API key");
    }
    if (!caller.isAdmin()) {
      throw ApiException.forbidden(detail);
    }
  }
}
