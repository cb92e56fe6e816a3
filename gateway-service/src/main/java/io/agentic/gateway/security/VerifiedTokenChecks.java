package io.agentic.gateway.security;

import io.agentic.gateway.ratelimit.UserRateLimit;
import io.agentic.gateway.redis.RedisOutage;
import io.agentic.platform.problem.ApiException;
import java.util.List;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What the gateway checks once a token's signature and claims are valid: that auth-service has not
 * revoked it since, then the caller's request rate. While Redis cannot answer the revocation check,
 * reads go on (logged) and writes are refused with 503: a revoked token may then still read for a
 * moment, never change anything. Runs inside the security chain, right after authentication.
 */
final class VerifiedTokenChecks implements WebFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final TokenRevocation revocation;
  private final UserRateLimit rateLimit;
  private final RedisOutage outage =
      new RedisOutage(
          LoggerFactory.getLogger(VerifiedTokenChecks.class),
          "revoked tokens may still read; writes are refused");

  VerifiedTokenChecks(TokenRevocation revocation, UserRateLimit rateLimit) {
    this.revocation = revocation;
    this.rateLimit = rateLimit;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .filter(JwtAuthenticationToken.class::isInstance)
        .map(auth -> ((JwtAuthenticationToken) auth).getToken())
        .flatMap(
            token -> checked(exchange, token).then(rateLimit.admit(caller(token))).thenReturn(true))
        .switchIfEmpty(Mono.just(false))
        .flatMap(authenticated -> chain.filter(exchange));
  }

  private Mono<Void> checked(ServerWebExchange exchange, Jwt token) {
    if (token.getId() != null
        && token.getId().equals(exchange.getAttribute(TokenRevocation.CHECKED_ATTRIBUTE))) {
      return Mono.empty();
    }
    return revocation
        .isDenied(token.getId(), token.getClaimAsString("fam"))
        .onErrorResume(
            e -> {
              outage.report(e);
              return SAFE_METHODS.contains(exchange.getRequest().getMethod().name())
                  ? Mono.just(false)
                  : Mono.error(unavailable());
            })
        .flatMap(denied -> denied ? Mono.error(revoked()) : Mono.empty());
  }

  /** Each API key has its own budget; a user's logins share one. */
  static String caller(Jwt token) {
    String family = token.getClaimAsString("fam");
    return family != null && family.startsWith("key:") ? family : "user:" + token.getSubject();
  }

  private static ApiException revoked() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    return new ApiException(
        HttpStatus.UNAUTHORIZED,
        "UNAUTHORIZED",
        "The token has been revoked; sign in again",
        List.of(),
        headers);
  }

  private static ApiException unavailable() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, "5");
    return new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "SERVICE_UNAVAILABLE",
        "Token revocation cannot be checked right now; try again shortly",
        List.of(),
        headers);
  }
}
