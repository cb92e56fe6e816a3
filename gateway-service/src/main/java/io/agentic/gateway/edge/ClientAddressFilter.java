package io.agentic.gateway.edge;

import io.agentic.gateway.GatewayServiceProperties;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Works out the client's address first of all, while {@code X-Forwarded-For} is still there: the
 * next filter removes it, as it does every header a client could forge.
 */
@Component
class ClientAddressFilter implements WebFilter, Ordered {

  private final TrustedProxies trusted;

  ClientAddressFilter(GatewayServiceProperties properties) {
    this.trusted = TrustedProxies.of(properties.trustedProxies());
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    exchange
        .getAttributes()
        .put(ClientAddress.ATTRIBUTE, ClientAddress.resolve(exchange.getRequest(), trusted));
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return EdgeFilterOrder.CLIENT_ADDRESS;
  }
}
