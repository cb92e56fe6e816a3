package io.agentic.gateway.security;

import io.agentic.gateway.docs.ApiDocs;
import java.util.ArrayList;
import java.util.List;
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
    List<ServerWebExchangeMatcher> open =
        new ArrayList<>(
            List.of(
                match(HttpMethod.POST, "/api/auth/register"),
                match(HttpMethod.POST, "/api/auth/login"),
                match(HttpMethod.POST, "/api/auth/refresh"),
                match(HttpMethod.GET, "/.well-known/jwks.json"),
                match(HttpMethod.HEAD, "/.well-known/jwks.json"),
                match(null, "/actuator/health"),
                match(null, "/actuator/health/**"),
                // The gateway's own metrics, open to the scraper as every service's are.
                match(HttpMethod.GET, "/actuator/prometheus"),
                // Any method, so that an unsupported one is answered 405 rather than 401.
                match(null, "/api/public/echo"),
                // Browsers' EventSource cannot send headers: a single-use ticket stands in for
                // the token, and execution-service checks it.
                withTicket(match(HttpMethod.GET, "/api/executions/{id}/events"))));
    open.addAll(documentation());
    return new OrServerWebExchangeMatcher(open);
  }

  /**
   * Swagger UI and the API documents, to read only: the UI's pages and resources, its settings, and
   * the exact path of each document (nothing below them).
   */
  private static List<ServerWebExchangeMatcher> documentation() {
    List<String> paths = new ArrayList<>();
    paths.add(ApiDocs.ROOT);
    paths.add(ApiDocs.ROOT + "/");
    ApiDocs.UI_FILES.forEach(file -> paths.add(ApiDocs.uiFile(file)));
    paths.add(ApiDocs.UI_CONFIG);
    paths.add(ApiDocs.GATEWAY_DOCUMENT);
    ApiDocs.SERVICES.forEach(service -> paths.add(ApiDocs.documentOf(service)));
    return paths.stream()
        .flatMap(
            path -> List.of(match(HttpMethod.GET, path), match(HttpMethod.HEAD, path)).stream())
        .toList();
  }

  private static ServerWebExchangeMatcher withTicket(ServerWebExchangeMatcher path) {
    return exchange ->
        exchange.getRequest().getQueryParams().containsKey("ticket")
            ? path.matches(exchange)
            : ServerWebExchangeMatcher.MatchResult.notMatch();
  }

  private static ServerWebExchangeMatcher match(HttpMethod method, String pattern) {
    return method == null
        ? new PathPatternParserServerWebExchangeMatcher(pattern)
        : new PathPatternParserServerWebExchangeMatcher(pattern, method);
  }
}
