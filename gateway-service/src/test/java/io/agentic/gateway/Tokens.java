package io.agentic.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Access tokens as auth-service signs them (ES256, kid, iss, aud), and every way to forge one. */
public final class Tokens {

  /** The key the fake auth-service publishes in its JWKS. */
  public static final ECKey KEY = generate("gateway-test-key");

  /** A key nobody publishes. */
  public static final ECKey STRANGER = generate("stranger-key");

  private Tokens() {}

  public static String jwks() {
    return new JWKSet(KEY.toPublicJWK()).toString();
  }

  public static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer("agentic")
        .audience(List.of("agentic-api"))
        .subject(UUID.randomUUID().toString())
        .claim("username", "ada")
        .claim("role", "user")
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
  }

  public static String valid() {
    return signed(KEY, claims().build());
  }

  public static String signed(ECKey key, JWTClaimsSet claims) {
    return sign(es256(key.getKeyID()).build(), claims, ecdsa(key));
  }

  public static String expired() {
    Instant past = Instant.now().minus(Duration.ofMinutes(30));
    return signed(
        KEY,
        claims()
            .issueTime(Date.from(past))
            .expirationTime(Date.from(past.plus(Duration.ofMinutes(15))))
            .build());
  }

  public static String notYetValid() {
    return signed(
        KEY, claims().notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10)))).build());
  }

  public static String wrongIssuer() {
    return signed(KEY, claims().issuer("someone-else").build());
  }

  public static String wrongAudience() {
    return signed(KEY, claims().audience(List.of("another-api")).build());
  }

  /** Signed by a key whose {@code kid} is not in the JWKS. */
  public static String unknownKid() {
    return signed(STRANGER, claims().build());
  }

  public static String algNone() {
    return new PlainJWT(claims().build()).serialize();
  }

  /** The classic confusion attack: HMAC with the (public) verification key as the secret. */
  public static String hs256WithPublicKey() {
    try {
      byte[] secret = KEY.toECPublicKey().getEncoded();
      JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build();
      return sign(header, claims().build(), new MACSigner(secret));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid token whose payload was changed after signing (another user id). */
  public static String tampered() {
    String[] parts = valid().split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"admin\"");
    return parts[0]
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }

  /** CVE-2022-21449 ("psychic signatures"): r = s = 0. */
  public static String zeroSignature() {
    String[] parts = valid().split("\\.");
    return parts[0]
        + "."
        + parts[1]
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);
  }

  /** Signed by a stranger's key, with headers that point at where to fetch it: never followed. */
  public static String withKeyUrls(URI sentinel) {
    JWSHeader header =
        es256(STRANGER.getKeyID())
            .jwkURL(sentinel.resolve("/jwks.json"))
            .x509CertURL(sentinel.resolve("/cert.pem"))
            .jwk(STRANGER.toPublicJWK())
            .build();
    return sign(header, claims().build(), ecdsa(STRANGER));
  }

  private static JWSHeader.Builder es256(String kid) {
    return new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).type(JOSEObjectType.JWT);
  }

  private static JWSSigner ecdsa(ECKey key) {
    try {
      return new ECDSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static ECKey generate(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
