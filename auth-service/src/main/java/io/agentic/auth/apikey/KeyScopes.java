package io.agentic.auth.apikey;

import io.agentic.platform.problem.ApiException;
import io.agentic.platform.problem.FieldProblem;
import io.agentic.platform.security.ApiScopes;
import io.agentic.platform.security.CurrentUser;
import java.util.List;

/**
 * The scopes an API key may carry: the platform's {@link ApiScopes}, which every service checks on
 * each request made with a key's token.
 */
final class KeyScopes {

  /** Every scope, in the order keys list them. */
  static final List<String> ALL =
      List.of(
          ApiScopes.WORKFLOWS_READ,
          ApiScopes.WORKFLOWS_WRITE,
          ApiScopes.EXECUTIONS_RUN,
          ApiScopes.AI_USE);

  /** What a viewer's key may carry: viewers only read. */
  static final List<String> VIEWER = List.of(ApiScopes.WORKFLOWS_READ);

  private KeyScopes() {}

  /**
   * The scopes of a new key of a user with {@code role}: all their role allows when none are named.
   *
   * @throws ApiException 400 for an empty list or an unknown scope, 403 when a viewer asks for more
   *     than reading
   */
  static List<String> forNewKey(List<String> requested, String role) {
    List<String> allowed = CurrentUser.VIEWER.equals(role) ? VIEWER : ALL;
    if (requested == null) {
      return allowed;
    }
    if (requested.isEmpty()) {
      throw invalid("must name at least one scope");
    }
    for (String scope : requested) {
      if (scope == null || !ALL.contains(scope)) {
        throw invalid("unknown scope '" + scope + "'; known: " + String.join(", ", ALL));
      }
    }
    if (!allowed.containsAll(requested)) {
      throw ApiException.forbidden(
          "Viewers may only create keys with the scope " + String.join(", ", VIEWER));
    }
    return ALL.stream().filter(requested::contains).toList();
  }

  /**
   * What a key's token may carry now: a key outlives role changes, and never grants more than the
   * owner's current role allows. Empty: the key cannot be used.
   */
  static List<String> usableBy(String role, List<String> keyScopes) {
    List<String> allowed = CurrentUser.VIEWER.equals(role) ? VIEWER : ALL;
    return allowed.stream().filter(keyScopes::contains).toList();
  }

  private static ApiException invalid(String message) {
    return ApiException.invalid(
        "VALIDATION_FAILED",
        "The request is invalid",
        List.of(new FieldProblem("scopes", message)));
  }
}
