package io.agentic.gateway.ratelimit;

import io.agentic.gateway.GatewayServiceProperties;
import io.agentic.gateway.GatewayServiceProperties.RateLimits;
import io.agentic.gateway.redis.RedisOutage;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Limits authenticated requests per caller: a user's logins share one bucket, each API key has its
 * own. Redis key {@code gateway:rl:<caller>} ({@code user:<id>} or {@code key:<keyId>}).
 */
@Component
public class UserRateLimit {

  static final String PREFIX = "gateway:rl:";

  private final TokenBucket buckets;
  private final RateLimits limits;
  private final RedisOutage outage =
      new RedisOutage(
          LoggerFactory.getLogger(UserRateLimit.class), "per-user rate limits are not applied");

  UserRateLimit(TokenBucket buckets, GatewayServiceProperties properties) {
    this.buckets = buckets;
    this.limits = properties.rateLimits();
  }

  /** Completes when {@code caller} may make a request now; fails with a 429 otherwise. */
  public Mono<Void> admit(String caller) {
    if (!limits.enabled()) {
      return Mono.empty();
    }
    return buckets
        .take(PREFIX + caller, limits.userRate(), limits.userBurst())
        .map(admission -> admission.allowed() ? Duration.ZERO : admission.retryAfter())
        .onErrorResume(
            e -> {
              outage.report(e);
              return Mono.just(Duration.ZERO);
            })
        .flatMap(
            wait ->
                wait.isZero()
                    ? Mono.empty()
                    : Mono.error(RateLimited.after(wait, "Too many requests; slow down")));
  }
}
