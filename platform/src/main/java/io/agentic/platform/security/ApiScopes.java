package io.agentic.platform.security;

import java.util.Optional;
import java.util.Set;

/**
 * The scopes an API key may carry, and which one each request needs. Tokens from a login carry no
 * scopes and may do whatever their role allows; tokens exchanged for an API key may only do what
 * their scopes name. One table for the whole suite, so every service answers alike.
 */
public final class ApiScopes {

  public static final String WORKFLOWS_READ = "workflows:read";
  public static final String WORKFLOWS_WRITE = "workflows:write";
  public static final String EXECUTIONS_RUN = "executions:run";
  public static final String AI_USE = "ai:use";

  public static final Set<String> ALL =
      Set.of(WORKFLOWS_READ, WORKFLOWS_WRITE, EXECUTIONS_RUN, AI_USE);

  /** A request no scope allows: account management needs a real login. */
  public static final String LOGIN_ONLY = "login";

  private ApiScopes() {}

  /**
   * The scope a request needs, or empty when any authenticated token may make it (reading one's own
   * profile).
   */
  public static Optional<String> required(String method, String path) {
    boolean read = method.equals("GET") || method.equals("HEAD");
    if (path.startsWith("/api/workflows") || path.startsWith("/api/templates")) {
      return Optional.of(read ? WORKFLOWS_READ : WORKFLOWS_WRITE);
    }
    if (path.startsWith("/api/executions")) {
      // Watching an execution (a stream ticket included) is reading, not running.
      boolean watching = path.endsWith("/events") || path.endsWith("/events/ticket");
      return Optional.of(read || watching ? WORKFLOWS_READ : EXECUTIONS_RUN);
    }
    if (path.startsWith("/api/ai") || path.startsWith("/v1/")) {
      return Optional.of(AI_USE);
    }
    if (path.startsWith("/api/dashboard")) {
      return Optional.of(WORKFLOWS_READ);
    }
    if (path.equals("/api/auth/me")
        || path.startsWith("/actuator")
        || path.startsWith("/v3/api-docs")
        || path.startsWith("/.well-known")) {
      return Optional.empty();
    }
    return Optional.of(LOGIN_ONLY);
  }

  /** Whether a token with these scopes (empty: a login) may make the request. */
  public static boolean permits(Set<String> tokenScopes, String method, String path) {
    if (tokenScopes.isEmpty()) {
      return true;
    }
    return required(method, path).map(tokenScopes::contains).orElse(true);
  }
}
