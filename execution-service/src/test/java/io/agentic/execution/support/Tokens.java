package io.agentic.execution.support;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Mints ES256 access tokens shaped like auth-service's, signed with a key made per test JVM. */
public final class Tokens {

  private static final ECKey KEY = generate();

  private Tokens() {}

  /** The public half, as auth-service's JWKS would publish it. */
  public static JWKSet publicJwks() {
    return new JWKSet(KEY.toPublicJWK());
  }

  public static String bearer(String userId, String role) {
    return "Bearer " + token(userId, role);
  }

  public static String token(String userId, String role) {
    return token(userId, role, Duration.ofSeconds(900));
  }

  /** A token that expires {@code ttl} from now. */
  public static String token(String userId, String role, Duration ttl) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer("agentic")
            .audience(List.of("agentic-api"))
            .subject(userId)
            .claim("username", "user-" + userId)
            .claim("role", role)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
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

  /** The {@code jti} of a token (or a {@code Bearer} header), as the deny-list knows it. */
  public static String jti(String token) {
    try {
      return SignedJWT.parse(token.replaceFirst("^Bearer ", "")).getJWTClaimsSet().getJWTID();
    } catch (java.text.ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ECKey generate() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID("test-key").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
