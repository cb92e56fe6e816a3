package io.agentic.gateway.security;

import io.agentic.gateway.redis.RedisOutage;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * auth-service's deny-list, read by the gateway itself on every authenticated request so that a
 * logout, a deleted key or user, or a role change stops the tokens concerned at the edge at once:
 * {@code auth:deny:jti:<jti>} (one token) and {@code auth:deny:fam:<fam>} (every token of a login,
 * or of an API key: {@code key:<id>}). The same keys as the platform's {@code TokenDenyList}.
 */
@Component
public class TokenRevocation {

  public static final String JTI_PREFIX = "auth:deny:jti:";
  public static final String FAMILY_PREFIX = "auth:deny:fam:";

  /**
   * Set by whoever already checked this exchange's token (the API-key filter, for the token it just
   * got or took from its cache) to the token's {@code jti}, so it is not checked twice.
   */
  public static final String CHECKED_ATTRIBUTE = TokenRevocation.class.getName() + ".checked";

  private final ReactiveStringRedisTemplate redis;

  TokenRevocation(ReactiveStringRedisTemplate redis) {
    this.redis = redis;
  }

  /** Whether the token or its family was revoked; an error when Redis cannot say. */
  public Mono<Boolean> isDenied(String tokenId, String familyId) {
    List<String> keys = new ArrayList<>(2);
    if (tokenId != null) {
      keys.add(JTI_PREFIX + tokenId);
    }
    if (familyId != null) {
      keys.add(FAMILY_PREFIX + familyId);
    }
    if (keys.isEmpty()) {
      return Mono.just(false);
    }
    return redis
        .countExistingKeys(keys)
        .timeout(RedisOutage.CALL_TIMEOUT)
        .map(found -> found > 0)
        .defaultIfEmpty(false);
  }
}
