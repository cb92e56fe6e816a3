package io.agentic.auth.token;

import io.agentic.auth.keys.SigningKeys;
import io.agentic.platform.security.AccessTokenValidators;
import io.agentic.platform.security.AgenticSecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * auth-service verifies tokens with its own keys rather than fetching its own JWKS over HTTP (the
 * platform's decoder backs off when this bean exists), with the platform's checks plus the
 * deny-list.
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenDecoderConfiguration {

  @Bean
  JwtDecoder accessTokenDecoder(
      SigningKeys keys, AgenticSecurityProperties security, TokenDenyList denyList) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSource(keys.verificationKeys())
            .jwsAlgorithm(SignatureAlgorithm.ES256)
            .build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            AccessTokenValidators.of(security), new DenyListValidator(denyList)));
    return decoder;
  }
}
