package io.agentic.auth.apikey;

import io.agentic.auth.token.IssuedAccessToken;
import io.agentic.auth.token.TokenRevocations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.stereotype.Component;

/**
 * The still-valid tokens exchanged for each user's API keys, so a role change can deny them one by
 * one: denying their families ({@code key:<id>}) would also deny the tokens the gateway exchanges
 * next, with the new role, for the rest of the family's deny period. Redis sorted set {@code
 * auth:key-tokens:<userId>}: member = {@code jti}, score = expiry (epoch seconds).
 */
@Component
class KeyTokenLedger {

  static final String PREFIX = "auth:key-tokens:";

  /** Longer than any key token lives, so the set goes once its user stops using keys. */
  private static final Duration KEEP = Duration.ofMinutes(10);

  private final StringRedisTemplate redis;
  private final TokenRevocations revocations;

  KeyTokenLedger(StringRedisTemplate redis, TokenRevocations revocations) {
    this.redis = redis;
    this.revocations = revocations;
  }

  void recordIssued(String userId, IssuedAccessToken token) {
    String key = PREFIX + userId;
    redis.opsForZSet().add(key, token.id(), token.expiresAt().getEpochSecond());
    redis.opsForZSet().removeRangeByScore(key, 0, Instant.now().getEpochSecond() - 1);
    redis.expire(key, KEEP);
  }

  /**
   * Denies every unexpired token exchanged for {@code userId}'s keys so far, then forgets them
   * (only them: one recorded meanwhile stays for the next call). A Redis failure answers 503 with
   * the set intact, so a retry denies them all again.
   */
  void denyIssuedTo(String userId) {
    String key = PREFIX + userId;
    TokenRevocations.failClosed(
        () -> {
          Set<TypedTuple<String>> live =
              redis
                  .opsForZSet()
                  .rangeByScoreWithScores(
                      key, Instant.now().getEpochSecond(), Double.POSITIVE_INFINITY);
          if (live == null || live.isEmpty()) {
            return;
          }
          List<Object> denied = new ArrayList<>();
          for (TypedTuple<String> token : live) {
            if (token.getValue() != null && token.getScore() != null) {
              revocations.denyToken(
                  token.getValue(), Instant.ofEpochSecond(token.getScore().longValue()));
              denied.add(token.getValue());
            }
          }
          redis.opsForZSet().remove(key, denied.toArray());
        });
  }
}
