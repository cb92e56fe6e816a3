package io.agentic.gateway.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * The only calls the gateway lets through without a token. Matched by method and exact path on the
 * parsed path (Spring Security's firewall has already refused {@code ;}, {@code ..} and encoded
 * separators); everything else is denied by default.
 */
public final class PublicPaths {

  private PublicPaths() {}

  public static ServerWebExchangeMatcher matcher() {
    return new OrServerWebExchangeMatcher(
        match(HttpMethod.POST, "/api/auth/register"),
        match(HttpMethod.POST, "/api/auth/login"),
        match(HttpMethod.POST, "/api/auth/refresh"),
        match(HttpMethod.GET, "/.well-known/jwks.json"),
        match(HttpMethod.HEAD, "/.well-known/jwks.json"),
        match(null, "/actuator/health"),
        match(null, "/actuator/health/**"),
        // Any method, so that an unsupported one is answered 405 rather than 401.
        match(null, "/api/public/echo"));
  }

  private static ServerWebExchangeMatcher match(HttpMethod method, String pattern) {
    return method == null
        ? new PathPatternParserServerWebExchangeMatcher(pattern)
        : new PathPatternParserServerWebExchangeMatcher(pattern, method);
  }
}
