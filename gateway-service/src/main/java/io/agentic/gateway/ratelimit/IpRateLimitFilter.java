package io.agentic.gateway.ratelimit;

import io.agentic.gateway.GatewayServiceProperties;
import io.agentic.gateway.GatewayServiceProperties.RateLimits;
import io.agentic.gateway.edge.ClientAddress;
import io.agentic.gateway.edge.EdgeFilterOrder;
import io.agentic.gateway.redis.RedisOutage;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits every request by client address, before the token check, so that floods without a token
 * are stopped too. Redis key {@code gateway:rl:ip:<address>}.
 */
@Component
class IpRateLimitFilter implements WebFilter, Ordered {

  static final String PREFIX = "gateway:rl:ip:";

  private final TokenBucket buckets;
  private final RateLimits limits;
  private final RedisOutage outage =
      new RedisOutage(
          LoggerFactory.getLogger(IpRateLimitFilter.class),
          "per-address rate limits are not applied");

  IpRateLimitFilter(TokenBucket buckets, GatewayServiceProperties properties) {
    this.buckets = buckets;
    this.limits = properties.rateLimits();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!limits.enabled()) {
      return chain.filter(exchange);
    }
    return buckets
        .take(PREFIX + ClientAddress.of(exchange), limits.ipRate(), limits.ipBurst())
        .map(admission -> admission.allowed() ? Duration.ZERO : admission.retryAfter())
        .onErrorResume(
            e -> {
              outage.report(e);
              return Mono.just(Duration.ZERO);
            })
        .flatMap(
            wait ->
                wait.isZero()
                    ? chain.filter(exchange)
                    : Mono.error(
                        RateLimited.after(wait, "Too many requests from your address; slow down")));
  }

  @Override
  public int getOrder() {
    return EdgeFilterOrder.IP_RATE_LIMIT;
  }
}
