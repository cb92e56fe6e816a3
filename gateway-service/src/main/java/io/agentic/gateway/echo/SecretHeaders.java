package io.agentic.gateway.echo;

import java.util.Locale;
import java.util.Set;

/**
 * Which header names hold secrets: the suite's rule for outputs, logs and events alike. Names are
 * compared without case or separators, so {@code X-Api-Key}, {@code api_key} and {@code X-APIKEY}
 * are all caught.
 */
final class SecretHeaders {

  static final String REDACTED = "***";

  private static final Set<String> NAMES =
      Set.of("authorization", "cookie", "set-cookie", "proxy-authorization", "x-api-key");

  private static final Set<String> FRAGMENTS = Set.of("secret", "token", "password", "apikey");

  private SecretHeaders() {}

  static boolean isSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (NAMES.contains(lower)) {
      return true;
    }
    String squashed = lower.replaceAll("[^a-z0-9]", "");
    return FRAGMENTS.stream().anyMatch(squashed::contains);
  }
}
