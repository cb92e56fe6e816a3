package io.agentic.gateway.edge;

import io.agentic.gateway.docs.ApiDocs;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Browser hardening headers on every answer, the gateway's own and the services' alike. API answers
 * are personal, so nothing is stored unless a service says otherwise; HSTS only over TLS, where it
 * means something. Documentation pages ({@code /docs}) also get a content security policy that lets
 * Swagger UI run its own scripts and nothing else.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

  static final String HSTS = "max-age=31536000; includeSubDomains";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    boolean overTls = exchange.getRequest().getSslInfo() != null;
    boolean docs = ApiDocs.covers(exchange.getRequest().getPath().pathWithinApplication().value());
    ServerHttpResponse response = exchange.getResponse();
    response.beforeCommit(
        () ->
            Mono.fromRunnable(
                () -> {
                  HttpHeaders headers = response.getHeaders();
                  headers.set("X-Content-Type-Options", "nosniff");
                  headers.set("X-Frame-Options", "DENY");
                  headers.set("Referrer-Policy", "no-referrer");
                  if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                    headers.setCacheControl("no-store");
                  }
                  if (docs) {
                    headers.set("Content-Security-Policy", ApiDocs.CONTENT_SECURITY_POLICY);
                  }
                  if (overTls) {
                    headers.set("Strict-Transport-Security", HSTS);
                  }
                }));
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return EdgeFilterOrder.RESPONSE_HEADERS;
  }
}
