package io.agentic.workflow;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.agentic.platform.security.AccessTokenValidators;
import io.agentic.platform.security.AgenticSecurityProperties;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Access tokens as auth-service signs them (ES256, the suite's claims), with a key made for the
 * test JVM; the service verifies them with the same checks as in production.
 */
public final class TestTokens {

  private static final ECKey KEY = generate();

  private TestTokens() {}

  /** A fresh user id, so that tests sharing the database never see each other's workflows. */
  public static String newUserId() {
    return "u-" + UUID.randomUUID();
  }

  public static String user(String id) {
    return token(id, "user", "agentic", "agentic-api", Instant.now().plusSeconds(900));
  }

  public static String viewer(String id) {
    return token(id, "viewer", "agentic", "agentic-api", Instant.now().plusSeconds(900));
  }

  public static String admin(String id) {
    return token(id, "admin", "agentic", "agentic-api", Instant.now().plusSeconds(900));
  }

  public static String token(String id, String role, String issuer, String audience, Instant exp) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(List.of(audience))
            .subject(id)
            .claim("username", "name-" + id)
            .claim("role", role)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(Instant.now().minusSeconds(5)))
            .expirationTime(Date.from(exp))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KEY.getKeyID()).build(), claims);
    try {
      jwt.sign(new ECDSASigner(KEY));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static ECKey generate() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID("test-key").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Verifies tokens with the test key instead of fetching auth-service's JWKS. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Decoder {

    @Bean
    JwtDecoder testJwtDecoder(AgenticSecurityProperties properties) {
      JWKSource<SecurityContext> keys = new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK()));
      NimbusJwtDecoder decoder =
          NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.ES256).build();
      decoder.setJwtValidator(AccessTokenValidators.of(properties));
      return decoder;
    }
  }
}
