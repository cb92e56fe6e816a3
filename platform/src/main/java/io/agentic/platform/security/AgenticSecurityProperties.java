package io.agentic.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks the access tokens auth-service signs.
 *
 * @param jwksUri where auth-service publishes its public keys
 * @param issuer the {@code iss} every token must carry
 * @param audience the {@code aud} every token must carry
 * @param publicPaths request paths (Ant patterns) served without a token
 * @param jwks the public keys as an inline JWK set, instead of fetching {@code jwksUri}: for tests,
 *     and for deployments that distribute keys as configuration
 * @param verifiedTokens how many verified tokens each service keeps until they expire, so that a
 *     token's signature is checked once rather than on every request (0: none)
 */
@ConfigurationProperties("agentic.security")
public record AgenticSecurityProperties(
    @DefaultValue("http://localhost:8081/.well-known/jwks.json") String jwksUri,
    @DefaultValue("agentic") String issuer,
    @DefaultValue("agentic-api") String audience,
    @DefaultValue({}) List<String> publicPaths,
    String jwks,
    @DefaultValue("2000") int verifiedTokens) {}
