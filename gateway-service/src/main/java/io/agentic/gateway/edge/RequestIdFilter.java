package io.agentic.gateway.edge;

import io.agentic.platform.web.RequestIds;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id (the client's when it is short and plain), passes it to the service and
 * returns it on every answer, errors included.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

  /** The exchange attribute holding the request's id (for logs, e.g. the error handler's). */
  public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String id =
        RequestIds.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
    ServerHttpRequest request =
        exchange.getRequest().mutate().headers(h -> h.set(RequestIds.HEADER, id)).build();
    ServerWebExchange withId = exchange.mutate().request(request).build();
    exchange.getAttributes().put(ATTRIBUTE, id);
    // Set at commit time, so that a service's own headers cannot replace or duplicate it.
    withId
        .getResponse()
        .beforeCommit(
            () ->
                Mono.fromRunnable(
                    () -> withId.getResponse().getHeaders().set(RequestIds.HEADER, id)));
    return chain.filter(withId);
  }

  @Override
  public int getOrder() {
    return EdgeFilterOrder.REQUEST_ID;
  }
}
