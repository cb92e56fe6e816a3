package io.agentic.auth.token;

import io.agentic.auth.keys.SigningKeys;
import io.agentic.platform.security.AccessTokenValidators;
import io.agentic.platform.security.AgenticSecurityProperties;
import io.agentic.platform.security.VerifiedTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * auth-service verifies tokens with its own keys rather than fetching its own JWKS over HTTP (the
 * platform's decoder backs off when this bean exists), with the platform's checks. Revoked tokens
 * are refused after decoding by the platform's deny-list filter, as in every other service: one
 * Redis check per request, failing open for reads and closed for writes while Redis is down.
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenDecoderConfiguration {

  @Bean
  JwtDecoder accessTokenDecoder(SigningKeys keys, AgenticSecurityProperties security) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSource(keys.verificationKeys())
            .jwsAlgorithm(SignatureAlgorithm.ES256)
            .build();
    decoder.setJwtValidator(AccessTokenValidators.of(security));
    return VerifiedTokens.kept(decoder, security);
  }
}
