package io.agentic.gateway.routing;

import io.agentic.gateway.edge.ClientAddress;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells a service who really called, from what the gateway saw itself (the client's address as
 * {@link ClientAddress} resolved it): the client's own {@code X-Forwarded-*} and {@code Forwarded}
 * headers were dropped on the way in and never reach a service. Runs after the gateway's built-in
 * filters that remove forwarded headers.
 */
@Component
class ForwardedHeadersForServices implements HttpHeadersFilter, Ordered {

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(input);
    String client = ClientAddress.of(exchange);
    if (!client.equals("unknown")) {
      headers.set("X-Forwarded-For", client);
    }
    headers.set("X-Forwarded-Proto", request.getSslInfo() != null ? "https" : "http");
    String host = request.getHeaders().getFirst(HttpHeaders.HOST);
    if (host != null) {
      headers.set("X-Forwarded-Host", host);
    }
    return headers;
  }

  @Override
  public boolean supports(Type type) {
    return type == Type.REQUEST;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
