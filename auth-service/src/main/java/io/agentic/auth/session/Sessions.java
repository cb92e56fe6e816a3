package io.agentic.auth.session;

import io.agentic.auth.audit.AuditLog;
import io.agentic.auth.password.PasswordHasher;
import io.agentic.auth.token.AccessTokenClaims;
import io.agentic.auth.token.AccessTokens;
import io.agentic.auth.token.IssuedAccessToken;
import io.agentic.auth.token.RefreshOutcome;
import io.agentic.auth.token.RefreshTokens;
import io.agentic.auth.token.TokenRevocations;
import io.agentic.auth.user.RegistrationRules;
import io.agentic.auth.user.User;
import io.agentic.auth.user.UserView;
import io.agentic.auth.user.Users;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.problem.FieldProblem;
import io.agentic.platform.security.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Logins ("sessions"): each starts a refresh-token family, is continued by refreshes and ends with
 * logout or when a spent refresh token is presented again.
 */
@Component
class Sessions {

  private final Users users;
  private final PasswordHasher passwords;
  private final AccessTokens accessTokens;
  private final RefreshTokens refreshTokens;
  private final TokenRevocations revocations;
  private final AuditLog audit;

  Sessions(
      Users users,
      PasswordHasher passwords,
      AccessTokens accessTokens,
      RefreshTokens refreshTokens,
      TokenRevocations revocations,
      AuditLog audit) {
    this.users = users;
    this.passwords = passwords;
    this.accessTokens = accessTokens;
    this.refreshTokens = refreshTokens;
    this.revocations = revocations;
    this.audit = audit;
  }

  SessionResponse register(RegisterRequest request) {
    List<FieldProblem> problems =
        RegistrationRules.check(request.username(), request.email(), request.password());
    if (!problems.isEmpty()) {
      throw ApiException.invalid("VALIDATION_FAILED", "The request is invalid", problems);
    }
    // Cheap checks first: a taken name should not cost an Argon2 hash.
    users.requireFree(request.username(), request.email());
    String hash = passwords.hash(request.password());
    User user = users.create(request.username(), request.email(), hash, CurrentUser.USER);
    SessionResponse session = start(user);
    audit.record("register", user.id(), user.id(), AuditLog.SUCCESS, Map.of());
    return session;
  }

  SessionResponse login(LoginRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    if (request.login() == null || request.login().isBlank()) {
      problems.add(new FieldProblem("login", "is required"));
    }
    if (request.password() == null || request.password().isEmpty()) {
      problems.add(new FieldProblem("password", "is required"));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid("VALIDATION_FAILED", "The request is invalid", problems);
    }
    if (request.login().length() > RegistrationRules.MAX_EMAIL
        || request.password().length() > 2 * RegistrationRules.MAX_PASSWORD) {
      // No account can have these; the answer does not depend on who exists.
      throw invalidCredentials();
    }
    Optional<User> user = users.findByLogin(request.login());
    if (user.isEmpty()) {
      passwords.matchNobody(request.password());
      audit.record("login_failed", null, null, AuditLog.FAILURE, Map.of("reason", "unknown_user"));
      throw invalidCredentials();
    }
    String userId = user.get().id();
    if (!passwords.matches(request.password(), user.get().passwordHash())) {
      audit.record(
          "login_failed", null, userId, AuditLog.FAILURE, Map.of("reason", "wrong_password"));
      throw invalidCredentials();
    }
    SessionResponse session = start(user.get());
    audit.record("login", userId, userId, AuditLog.SUCCESS, Map.of());
    return session;
  }

  SessionResponse refresh(RefreshRequest request) {
    if (request.refreshToken() == null || request.refreshToken().isBlank()) {
      throw ApiException.invalid(
          "VALIDATION_FAILED",
          "The request is invalid",
          List.of(new FieldProblem("refreshToken", "is required")));
    }
    return switch (refreshTokens.spend(request.refreshToken())) {
      case RefreshOutcome.Spent spent -> continueSession(spent);
      case RefreshOutcome.Reused reused -> {
        audit.record(
            "refresh_reuse",
            null,
            reused.userId(),
            AuditLog.FAILURE,
            Map.of("familyId", reused.familyId()));
        throw invalidRefreshToken();
      }
      case RefreshOutcome.Rejected rejected -> throw invalidRefreshToken();
    };
  }

  /**
   * Ends the login the access token belongs to (and the one {@code refreshToken} belongs to, if it
   * is the caller's): the access token is denied at once, the family's refresh tokens revoked. Each
   * deny-list write comes before the MongoDB change it goes with, so a logout refused with 503
   * (Redis down) may simply be sent again.
   */
  void logout(Jwt accessToken, String refreshToken) {
    revocations.denyToken(accessToken.getId(), accessToken.getExpiresAt());
    String family = accessToken.getClaimAsString(AccessTokenClaims.FAMILY);
    if (family != null) {
      refreshTokens.revokeFamily(family);
    }
    if (refreshToken != null) {
      refreshTokens
          .familyOf(refreshToken, accessToken.getSubject())
          .filter(other -> !other.equals(family))
          .ifPresent(refreshTokens::revokeFamily);
    }
    String userId = accessToken.getSubject();
    audit.record(
        "logout",
        userId,
        userId,
        AuditLog.SUCCESS,
        family == null ? Map.of() : Map.of("familyId", family));
  }

  private SessionResponse continueSession(RefreshOutcome.Spent spent) {
    Optional<User> user = users.findById(spent.userId());
    if (user.isEmpty()) {
      refreshTokens.revokeFamily(spent.familyId());
      throw invalidRefreshToken();
    }
    return issue(user.get(), spent.familyId());
  }

  private SessionResponse start(User user) {
    return issue(user, refreshTokens.newFamily());
  }

  private SessionResponse issue(User user, String familyId) {
    String refresh = refreshTokens.issue(user.id(), familyId);
    IssuedAccessToken access =
        accessTokens.issue(user.id(), user.username(), user.role(), familyId);
    return new SessionResponse(UserView.of(user), access.value(), refresh, access.expiresIn());
  }

  private static ApiException invalidCredentials() {
    return new ApiException(
        HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS", "The login or the password is incorrect");
  }

  private static ApiException invalidRefreshToken() {
    return new ApiException(
        HttpStatus.UNAUTHORIZED,
        "INVALID_REFRESH_TOKEN",
        "The refresh token is invalid, expired or revoked; sign in again");
  }
}
