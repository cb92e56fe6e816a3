package io.agentic.gateway.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Decides whether an access token may pass the edge: ES256 signature against auth-service's JWKS,
 * expiry, issuer and audience (the same checks every service makes again behind the gateway).
 *
 * <p>Revocation (auth-service's Redis deny-list) is checked after this, by {@link
 * VerifiedTokenChecks}, because what to do while Redis is down depends on the request's method; API
 * keys have been exchanged for access tokens before they reach this check.
 */
@Component
public class AccessTokenCheck {

  private final ReactiveJwtDecoder decoder;

  AccessTokenCheck(ReactiveJwtDecoder decoder) {
    this.decoder = decoder;
  }

  /**
   * The verified token, or an error: a {@code BadJwtException} for a token that is not valid, any
   * other {@code JwtException} when it cannot be checked right now (JWKS unreachable).
   */
  public Mono<Jwt> verify(String token) {
    return decoder
        .decode(token)
        // The decoder reports an unreachable JWKS as IllegalStateException ("Could not obtain the
        // keys"): make it a JwtException so that it becomes a 503, not a 500 or a 401.
        .onErrorMap(
            e -> !(e instanceof JwtException),
            e -> new JwtException("Access tokens cannot be verified right now", e));
  }
}
