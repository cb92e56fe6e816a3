package io.agentic.execution.support;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.agentic.platform.security.AccessTokenValidators;
import io.agentic.platform.security.AgenticSecurityProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Tokens checked against the test key (as a JWK source: Spring Security 7's {@code withPublicKey}
 * takes RSA keys only), and the scripted HTTP step in front of any real one.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestBeans {

  @Bean
  JwtDecoder testJwtDecoder(AgenticSecurityProperties properties) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(Tokens.publicJwks()))
            .jwsAlgorithm(SignatureAlgorithm.ES256)
            .build();
    decoder.setJwtValidator(AccessTokenValidators.of(properties));
    return decoder;
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ScriptedHttpStep scriptedHttpStep() {
    return new ScriptedHttpStep();
  }
}
