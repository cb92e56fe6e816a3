package io.agentic.auth.token;

import io.agentic.platform.problem.ApiException;
import io.agentic.platform.security.TokenDenyList;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Writes the platform's {@link TokenDenyList}, which every service and the gateway read (in this
 * service too, through the platform's filter): auth-service is its only writer.
 *
 * <ul>
 *   <li>{@code auth:deny:jti:<jti>} = {@code 1}: one token (logout, key tokens on a role change),
 *       kept for the token's remaining life plus the verifiers' clock skew;
 *   <li>{@code auth:deny:fam:<fam>} = {@code 1}: every token carrying that {@code fam} claim (a
 *       login whose refresh tokens were revoked, or {@code key:<id>}), kept for the longest
 *       access-token life plus the skew, after which no token of the family can still be valid.
 * </ul>
 *
 * <p>A revocation that cannot reach Redis fails closed: the caller gets 503 {@code
 * SERVICE_UNAVAILABLE} with {@code Retry-After} (the code the platform's filter answers a write
 * with while Redis is down), never a success that left a revoked token working. Callers write here
 * <em>before</em> they change MongoDB, so a failed request changed nothing a retry would miss.
 */
@Component
public class TokenRevocations {

  /** Spring's {@code JwtTimestampValidator} accepts tokens up to this long past {@code exp}. */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  /** Longest an access token lives (the configured TTL is capped at this). */
  static final Duration MAX_TOKEN_LIFE = Duration.ofMinutes(15);

  /** How long a family stays denied: no token of it is valid any longer after that. */
  static final Duration FAMILY_DENIAL = MAX_TOKEN_LIFE.plus(CLOCK_SKEW);

  /** Seconds a client should wait before retrying a revocation Redis could not take. */
  static final String RETRY_AFTER_SECONDS = "5";

  private static final Logger log = LoggerFactory.getLogger(TokenRevocations.class);

  private final StringRedisTemplate redis;

  TokenRevocations(StringRedisTemplate redis) {
    this.redis = redis;
  }

  /** Denies one token until it would have expired anyway. */
  public void denyToken(String jti, Instant expiresAt) {
    Duration remaining = Duration.between(Instant.now(), expiresAt).plus(CLOCK_SKEW);
    if (remaining.isPositive()) {
      failClosed(() -> redis.opsForValue().set(TokenDenyList.JTI_PREFIX + jti, "1", remaining));
    }
  }

  /** Denies every token of {@code familyId}, issued so far or (for {@link #FAMILY_DENIAL}) next. */
  public void denyFamily(String familyId) {
    failClosed(
        () -> redis.opsForValue().set(TokenDenyList.FAMILY_PREFIX + familyId, "1", FAMILY_DENIAL));
  }

  /**
   * Runs a Redis operation a revocation depends on: when Redis cannot answer, the request ends with
   * 503 instead of going on as if the tokens were revoked.
   */
  public static void failClosed(Runnable redisWork) {
    try {
      redisWork.run();
    } catch (DataAccessException e) {
      log.warn("Cannot write the token deny-list; refusing the request: {}", e.toString());
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "SERVICE_UNAVAILABLE",
          "Tokens cannot be revoked right now, so this change was not made; try again shortly",
          List.of(),
          headers);
    }
  }
}
