package io.agentic.analytics;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.agentic.platform.security.AccessTokenValidators;
import io.agentic.platform.security.AgenticSecurityProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Access tokens as auth-service signs them (ES256, {@code kid}, the suite's claims). */
public final class TestTokens {

  /** The key the test decoder trusts, as services trust auth-service's published key. */
  public static final ECKey KEY = generate();

  private TestTokens() {}

  public static String admin() {
    return forRole("admin");
  }

  public static String user() {
    return forRole("user");
  }

  public static String viewer() {
    return forRole("viewer");
  }

  public static String forRole(String role) {
    return forRole(role, UUID.randomUUID().toString());
  }

  /** A token whose {@code jti} is known, to revoke it. */
  public static String forRole(String role, String tokenId) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer("agentic")
            .audience(List.of("agentic-api"))
            .subject(UUID.randomUUID().toString())
            .claim("username", role + "-" + UUID.randomUUID().toString().substring(0, 8))
            .claim("role", role)
            .jwtID(tokenId)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(KEY.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    try {
      jwt.sign(new ECDSASigner(KEY));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static ECKey generate() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID("analytics-test-key").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Replaces the decoder that fetches auth-service's JWKS with one that trusts {@link #KEY}, with
   * the same checks (ES256 only; expiry, issuer, audience). {@code NimbusJwtDecoder.withPublicKey}
   * takes RSA keys only, hence a JWK source holding the EC key.
   */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Decoder {

    @Bean
    JwtDecoder testJwtDecoder(AgenticSecurityProperties properties) {
      NimbusJwtDecoder decoder =
          NimbusJwtDecoder.withJwkSource(
                  new ImmutableJWKSet<SecurityContext>(new JWKSet(KEY.toPublicJWK())))
              .jwsAlgorithm(SignatureAlgorithm.ES256)
              .build();
      decoder.setJwtValidator(AccessTokenValidators.of(properties));
      return decoder;
    }
  }
}
