package io.agentic.gateway.security;

import io.agentic.gateway.problem.ProblemResponses;
import io.agentic.gateway.ratelimit.UserRateLimit;
import io.agentic.platform.security.AccessTokenValidators;
import io.agentic.platform.security.AgenticSecurityProperties;
import io.agentic.platform.security.VerifiedTokens;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import reactor.core.publisher.Mono;

/**
 * Authentication at the edge: every call but the public ones needs a valid ES256 access token (an
 * API key has been exchanged for one before this chain runs) that auth-service has not revoked
 * since, then passes the caller's rate limit. The {@code Authorization} header then goes to the
 * service unchanged, which checks it again itself. Sessions, CSRF, basic and form login are off:
 * this is a stateless bearer-token API.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(AgenticSecurityProperties.class)
class EdgeSecurityConfiguration {

  @Bean
  ReactiveJwtDecoder accessTokenDecoder(AgenticSecurityProperties properties) {
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUri())
            .jwsAlgorithm(SignatureAlgorithm.ES256)
            .build();
    decoder.setJwtValidator(AccessTokenValidators.of(properties));
    return VerifiedTokens.kept(decoder, properties);
  }

  @Bean
  ServerExchangeRejectedHandler problemExchangeRejectedHandler(ProblemResponses problems) {
    return new ProblemSecurityHandlers(problems).rejectedHandler();
  }

  @Bean
  SecurityWebFilterChain edgeSecurity(
      ServerHttpSecurity http,
      AccessTokenCheck tokens,
      TokenRevocation revocation,
      UserRateLimit rateLimit,
      ProblemResponses problems) {
    ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems);
    ServerWebExchangeMatcher open = PublicPaths.matcher();
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .addFilterAfter(
            new VerifiedTokenChecks(revocation, rateLimit), SecurityWebFiltersOrder.AUTHENTICATION)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        // The gateway writes its own security headers on every answer (SecurityHeadersFilter).
        .headers(ServerHttpSecurity.HeaderSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .authorizeExchange(
            exchanges -> exchanges.matchers(open).permitAll().anyExchange().authenticated())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .bearerTokenConverter(ignoringTokensOn(open))
                    .jwt(jwt -> jwt.authenticationManager(authenticationManager(tokens)))
                    .authenticationEntryPoint(handlers.entryPoint())
                    .authenticationFailureHandler(handlers.failureHandler())
                    .accessDeniedHandler(handlers.deniedHandler()))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(handlers.entryPoint())
                    .accessDeniedHandler(handlers.deniedHandler()))
        .build();
  }

  private static JwtReactiveAuthenticationManager authenticationManager(AccessTokenCheck tokens) {
    return new JwtReactiveAuthenticationManager(tokens::verify);
  }

  /**
   * Public calls are not authenticated at all, so a stale token a client still attaches (to {@code
   * /api/auth/refresh}, typically) does not turn them into 401s.
   */
  private static ServerAuthenticationConverter ignoringTokensOn(ServerWebExchangeMatcher open) {
    ServerBearerTokenAuthenticationConverter bearer =
        new ServerBearerTokenAuthenticationConverter();
    return exchange ->
        open.matches(exchange)
            .flatMap(match -> match.isMatch() ? Mono.empty() : bearer.convert(exchange));
  }
}
