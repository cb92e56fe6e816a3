package io.agentic.platform.security;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller, as its verified access token says. Controllers take it as a parameter.
 *
 * @param id the user's id ({@code sub})
 * @param role {@code admin}, {@code user} or {@code viewer}
 * @param scopes the API key's scopes when the token was exchanged for a key; empty for a login,
 *     which may do whatever its role allows
 * @param tokenId the token's {@code jti}
 */
public record CurrentUser(
    String id, String username, String role, Set<String> scopes, String tokenId) {

  public static final String ADMIN = "admin";
  public static final String USER = "user";
  public static final String VIEWER = "viewer";

  public static CurrentUser of(Jwt jwt) {
    String scope = jwt.getClaimAsString("scope");
    Set<String> scopes =
        scope == null || scope.isBlank()
            ? Set.of()
            : Arrays.stream(scope.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
    return new CurrentUser(
        jwt.getSubject(),
        jwt.getClaimAsString("username"),
        jwt.getClaimAsString("role"),
        scopes,
        jwt.getId());
  }

  public boolean isAdmin() {
    return ADMIN.equals(role);
  }

  public boolean isViewer() {
    return VIEWER.equals(role);
  }

  /** Whether the token may be used for {@code scope}: logins may, keys only when granted. */
  public boolean allows(String scope) {
    return scopes.isEmpty() || scopes.contains(scope);
  }
}
