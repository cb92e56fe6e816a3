package io.agentic.gateway.apikey;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Where a client may put its API key: {@code X-API-Key} on any route, or {@code Authorization:
 * Bearer agk_…} on the OpenAI-compatible {@code /v1/**} (whose clients only know how to send a
 * bearer), recognised by the key's prefix.
 */
final class PresentedApiKey {

  static final String HEADER = "X-API-Key";
  static final String PREFIX = "agk_";

  /** Loose on lengths (auth-service decides), strict on characters: nothing odd reaches it. */
  private static final Pattern SHAPE = Pattern.compile("agk_[0-9A-Za-z]{1,64}_[0-9A-Za-z]{16,128}");

  private static final String BEARER = "bearer ";

  private PresentedApiKey() {}

  /** The key the request carries, if any (it may still be malformed). */
  static Optional<String> in(ServerHttpRequest request) {
    String header = request.getHeaders().getFirst(HEADER);
    if (header != null) {
      return Optional.of(header.strip());
    }
    if (!request.getPath().pathWithinApplication().value().startsWith("/v1/")) {
      return Optional.empty();
    }
    String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return Optional.empty();
    }
    String credential = authorization.substring(BEARER.length()).strip();
    return credential.startsWith(PREFIX) ? Optional.of(credential) : Optional.empty();
  }

  /** Whether {@code key} could be one of ours; anything else is refused without asking anyone. */
  static boolean isWellFormed(String key) {
    return key.length() <= 200 && SHAPE.matcher(key).matches();
  }
}
