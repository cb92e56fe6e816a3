package io.agentic.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Access tokens as auth-service signs them — ES256, its {@code kid}, the suite's claims — with a
 * key made for the test JVM. {@link TestInfrastructureInitializer} hands the public key to the
 * service under test ({@code agentic.security.jwks}), so it verifies them exactly as in production.
 */
public final class TestTokens {

  public static final String ISSUER = "agentic";
  public static final String AUDIENCE = "agentic-api";

  private static final ECKey KEY = generate();

  private TestTokens() {}

  /** A fresh user id, so that tests sharing a database never see each other's data. */
  public static String newUserId() {
    return "u-" + UUID.randomUUID();
  }

  public static String user(String id) {
    return forRole(id, "user");
  }

  public static String viewer(String id) {
    return forRole(id, "viewer");
  }

  public static String admin(String id) {
    return forRole(id, "admin");
  }

  public static String forRole(String id, String role) {
    return token(id, role, ISSUER, AUDIENCE, Instant.now().plusSeconds(900));
  }

  /** A token as the gateway gets for an API key: limited to {@code scopes}. */
  public static String withScopes(String id, String role, Collection<String> scopes) {
    return sign(
        claims(id, role, ISSUER, AUDIENCE, Instant.now().plusSeconds(300))
            .claim("scope", String.join(" ", scopes))
            .build());
  }

  public static String token(String id, String role, String issuer, String audience, Instant exp) {
    return sign(claims(id, role, issuer, audience, exp).build());
  }

  /** The public key set, as auth-service publishes it at {@code /.well-known/jwks.json}. */
  public static String publicJwks() {
    return new JWKSet(KEY.toPublicJWK()).toString();
  }

  private static JWTClaimsSet.Builder claims(
      String id, String role, String issuer, String audience, Instant exp) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(List.of(audience))
        .subject(id)
        .claim("username", "name-" + id)
        .claim("role", role)
        .claim("fam", UUID.randomUUID().toString())
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(Instant.now().minusSeconds(5)))
        .expirationTime(Date.from(exp));
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
}
