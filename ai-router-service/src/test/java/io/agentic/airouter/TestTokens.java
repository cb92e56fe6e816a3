package io.agentic.airouter;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
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

/**
 * Access tokens as auth-service signs them (ES256, {@code kid}, issuer, audience, role), from a key
 * generated per test JVM, and a decoder that trusts that key with the platform's validators.
 */
public final class TestTokens {

  private static final ECKey KEY = generate();

  private TestTokens() {}

  public static String token(String userId, String role) {
    return token(userId, role, "agentic-api");
  }

  public static String token(String userId, String role, String audience) {
    return sign(claims(userId, role, audience).build());
  }

  /** A token as auth-service exchanges it for an API key: it carries the key's scopes. */
  public static String keyToken(String userId, String role, String... scopes) {
    return sign(
        claims(userId, role, "agentic-api").claim("scope", String.join(" ", scopes)).build());
  }

  private static JWTClaimsSet.Builder claims(String userId, String role, String audience) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer("agentic")
        .audience(List.of(audience))
        .subject(userId)
        .claim("username", "name-" + userId)
        .claim("role", role)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
  }

  private static String sign(JWTClaimsSet claims) {
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

  /** Replaces the JWKS-fetching decoder: tokens signed by {@link #token} are trusted. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Decoder {

    @Bean
    JwtDecoder testJwtDecoder(AgenticSecurityProperties properties) {
      NimbusJwtDecoder decoder =
          NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK())))
              .jwsAlgorithm(SignatureAlgorithm.ES256)
              .build();
      decoder.setJwtValidator(AccessTokenValidators.of(properties));
      return decoder;
    }
  }
}
