package io.agentic.auth.admin;

import io.agentic.auth.apikey.ApiKeys;
import io.agentic.auth.audit.AuditLog;
import io.agentic.auth.token.RefreshTokens;
import io.agentic.auth.user.User;
import io.agentic.auth.user.UserView;
import io.agentic.auth.user.Users;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.security.CurrentUser;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Role changes and deletions. Both end what the account could do before: its logins (refresh
 * families, whose access tokens the deny-list then refuses) and the tokens exchanged for its API
 * keys; a deletion also deletes the keys.
 *
 * <p>Revocation comes before the change it serves, so a failure (Redis down: 503) leaves the
 * account as it was and a retry does everything again; after the change it runs once more, for the
 * logins and key exchanges that started in between with the old role or account.
 */
@Component
class UserAdministration {

  private final Users users;
  private final RefreshTokens refreshTokens;
  private final ApiKeys apiKeys;
  private final AuditLog audit;

  UserAdministration(Users users, RefreshTokens refreshTokens, ApiKeys apiKeys, AuditLog audit) {
    this.users = users;
    this.refreshTokens = refreshTokens;
    this.apiKeys = apiKeys;
    this.audit = audit;
  }

  UserView changeRole(CurrentUser caller, String id, String role) {
    User user = users.findById(id).orElseThrow(() -> ApiException.notFound("User " + id));
    if (user.role().equals(role)) {
      return UserView.of(user);
    }
    requireAnotherAdmin(user, "The last admin cannot lose the admin role");
    revokeTokensOf(id);
    User changed =
        users.changeRole(id, role).orElseThrow(() -> ApiException.notFound("User " + id));
    revokeTokensOf(id);
    audit.record(
        "role_changed", caller.id(), id, AuditLog.SUCCESS, Map.of("from", user.role(), "to", role));
    return UserView.of(changed);
  }

  void delete(CurrentUser caller, String id) {
    User user = users.findById(id).orElseThrow(() -> ApiException.notFound("User " + id));
    requireAnotherAdmin(user, "The last admin cannot be deleted");
    apiKeys.deleteAllOf(id);
    refreshTokens.revokeAllOf(id);
    if (!users.delete(id)) {
      throw ApiException.notFound("User " + id); // deleted meanwhile
    }
    apiKeys.deleteAllOf(id);
    refreshTokens.revokeAllOf(id);
    audit.record("user_deleted", caller.id(), id, AuditLog.SUCCESS, Map.of("role", user.role()));
  }

  private void revokeTokensOf(String userId) {
    refreshTokens.revokeAllOf(userId);
    apiKeys.revokeTokensOf(userId);
  }

  private void requireAnotherAdmin(User user, String detail) {
    if (CurrentUser.ADMIN.equals(user.role()) && users.countByRole(CurrentUser.ADMIN) <= 1) {
      throw ApiException.conflict("LAST_ADMIN", detail);
    }
  }
}
