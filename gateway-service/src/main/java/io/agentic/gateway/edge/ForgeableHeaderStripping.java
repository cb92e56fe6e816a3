package io.agentic.gateway.edge;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Removes from every incoming request the headers a client could forge to pass for someone else or
 * for an internal caller (Flowise's {@code x-request-from: internal}): identity comes only from the
 * verified token. Forwarded headers go too; the gateway re-derives them for the services.
 */
@Component
class ForgeableHeaderStripping implements WebFilter, Ordered {

  private static final Set<String> NAMES =
      Set.of(
          "x-user-id",
          "x-user-roles",
          "x-user-role",
          "x-internal",
          "x-request-from",
          "x-authenticated-user",
          "x-real-ip",
          // only the gateway may prove itself to auth-service (API-key exchange)
          "x-gateway-secret",
          "forwarded");

  private static final List<String> PREFIXES = List.of("x-forwarded-", "x-user-");

  static boolean isForgeable(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return NAMES.contains(lower) || PREFIXES.stream().anyMatch(lower::startsWith);
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpHeaders headers = exchange.getRequest().getHeaders();
    List<String> forged =
        headers.headerNames().stream().filter(ForgeableHeaderStripping::isForgeable).toList();
    if (forged.isEmpty()) {
      return chain.filter(exchange);
    }
    ServerHttpRequest stripped =
        exchange.getRequest().mutate().headers(h -> forged.forEach(h::remove)).build();
    return chain.filter(exchange.mutate().request(stripped).build());
  }

  @Override
  public int getOrder() {
    return EdgeFilterOrder.STRIP_FORGEABLE_HEADERS;
  }
}
