package io.agentic.auth.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Access tokens that must stop working before they expire, kept in Redis so every service can check
 * them on every request:
 *
 * <ul>
 *   <li>{@code auth:deny:jti:<jti>} = {@code 1}: one token (logout), kept for the token's remaining
 *       life plus the verifiers' clock skew;
 *   <li>{@code auth:deny:fam:<fam>} = {@code 1}: every token carrying that {@code fam} claim (a
 *       login whose refresh tokens were revoked), kept for the longest access-token life plus the
 *       skew, after which no token of the family can still be valid.
 * </ul>
 *
 * A token is denied when either key exists: {@code EXISTS auth:deny:jti:<jti> auth:deny:fam:<fam>}
 * > 0.
 *
 * <p>Named apart from the platform's read-only {@code TokenDenyList} bean ({@code tokenDenyList}),
 * which every servlet service, this one included, also gets.
 */
@Component("authTokenDenyList")
public class TokenDenyList {

  public static final String JTI_PREFIX = "auth:deny:jti:";
  public static final String FAMILY_PREFIX = "auth:deny:fam:";

  /** Spring's {@code JwtTimestampValidator} accepts tokens up to this long past {@code exp}. */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  /** Longest an access token lives (the configured TTL is capped at this). */
  static final Duration MAX_TOKEN_LIFE = Duration.ofMinutes(15);

  private final StringRedisTemplate redis;

  TokenDenyList(StringRedisTemplate redis) {
    this.redis = redis;
  }

  public void denyToken(String jti, Instant expiresAt) {
    Duration remaining = Duration.between(Instant.now(), expiresAt).plus(CLOCK_SKEW);
    if (remaining.isPositive()) {
      redis.opsForValue().set(JTI_PREFIX + jti, "1", remaining);
    }
  }

  public void denyFamily(String familyId) {
    redis.opsForValue().set(FAMILY_PREFIX + familyId, "1", MAX_TOKEN_LIFE.plus(CLOCK_SKEW));
  }

  public boolean isDenied(String jti, String familyId) {
    List<String> keys =
        familyId == null
            ? List.of(JTI_PREFIX + jti)
            : List.of(JTI_PREFIX + jti, FAMILY_PREFIX + familyId);
    Long found = redis.countExistingKeys(keys);
    return found != null && found > 0;
  }
}
