package io.agentic.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Access tokens whose signature and claims one service has already checked, kept until they expire.
 * A client sends the same token with every request for up to fifteen minutes, and an ECDSA
 * verification costs more than the rest of a small request; a token that failed is never kept.
 * Revocation is unaffected: the deny-list is asked on every request, cached token or not.
 */
public final class VerifiedTokens {

  private final Cache<String, Jwt> verified;
  private final Clock clock;

  public VerifiedTokens(int maximumSize, Clock clock) {
    this.clock = clock;
    this.verified =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt)))
            .executor(Runnable::run)
            .build();
  }

  /** {@code decoder}, keeping as many verified tokens as {@code agentic.security} says. */
  public static JwtDecoder kept(JwtDecoder decoder, AgenticSecurityProperties properties) {
    return properties.verifiedTokens() > 0
        ? new VerifiedTokens(properties.verifiedTokens(), Clock.systemUTC()).around(decoder)
        : decoder;
  }

  /** The reactive form of {@link #kept(JwtDecoder, AgenticSecurityProperties)}. */
  public static ReactiveJwtDecoder kept(
      ReactiveJwtDecoder decoder, AgenticSecurityProperties properties) {
    return properties.verifiedTokens() > 0
        ? new VerifiedTokens(properties.verifiedTokens(), Clock.systemUTC()).around(decoder)
        : decoder;
  }

  /** A decoder that verifies each token once, then answers from this cache until it expires. */
  public JwtDecoder around(JwtDecoder decoder) {
    return token -> {
      Jwt known = fresh(token);
      if (known != null) {
        return known;
      }
      Jwt jwt = decoder.decode(token);
      verified.put(token, jwt);
      return jwt;
    };
  }

  /** The reactive form of {@link #around(JwtDecoder)}, for the gateway. */
  public ReactiveJwtDecoder around(ReactiveJwtDecoder decoder) {
    return token -> {
      Jwt known = fresh(token);
      if (known != null) {
        return Mono.just(known);
      }
      return decoder.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    };
  }

  private Jwt fresh(String token) {
    Jwt jwt = verified.getIfPresent(token);
    if (jwt == null) {
      return null;
    }
    Instant expiresAt = jwt.getExpiresAt();
    if (expiresAt == null || !clock.instant().isBefore(expiresAt)) {
      verified.invalidate(token);
      return null;
    }
    return jwt;
  }

  private Duration untilExpiry(Jwt jwt) {
    Instant expiresAt = jwt.getExpiresAt();
    if (expiresAt == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), expiresAt);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
