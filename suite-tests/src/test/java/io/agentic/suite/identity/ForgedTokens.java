package io.agentic.suite.identity;

import io.agentic.suite.SuiteAccess;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the access tokens an attacker could make: the suite's signing key is in auth-service's
 * memory only, so every "valid-looking" token here is signed with a key of the test's own, or not
 * signed at all, or HMAC-signed with the public key.
 */
final class ForgedTokens {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final KeyPair attackerKey;

  ForgedTokens() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      attackerKey = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Claims as auth-service issues them, for {@code userId}, valid for the next 15 minutes. */
  static ObjectNode claims(String userId, String username) {
    long now = Instant.now().getEpochSecond();
    ObjectNode claims = SuiteAccess.JSON.createObjectNode();
    claims.put("iss", "agentic");
    claims.putArray("aud").add("agentic-api");
    claims.put("sub", userId);
    claims.put("username", username);
    claims.put("role", "admin");
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("iat", now - 5);
    claims.put("exp", now + 900);
    return claims;
  }

  static ObjectNode header(String alg, String kid) {
    ObjectNode header = SuiteAccess.JSON.createObjectNode();
    header.put("alg", alg);
    header.put("typ", "JWT");
    if (kid != null) {
      header.put("kid", kid);
    }
    return header;
  }

  /** ES256 with the attacker's own key, under whatever {@code kid} the header names. */
  String es256(ObjectNode header, JsonNode claims) {
    String signingInput = signingInput(header, claims);
    try {
      Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
      PrivateKey key = attackerKey.getPrivate();
      signature.initSign(key);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code alg: none}, no signature. */
  static String unsigned(JsonNode claims, String kid) {
    return signingInput(header("none", kid), claims) + ".";
  }

  /** HS256 keyed with the given bytes (the public key, as a confused verifier might take it). */
  static String hs256(JsonNode claims, String kid, byte[] secret) {
    String signingInput = signingInput(header("HS256", kid), claims);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return signingInput
          + "."
          + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A real token whose claims are replaced while the original signature is kept. */
  static String withClaimsReplaced(String token, JsonNode claims) {
    String[] parts = token.split("\\.");
    return parts[0] + "." + encode(claims) + "." + parts[2];
  }

  static JsonNode headerOf(String token) {
    return SuiteAccess.JSON.readTree(B64D.decode(token.split("\\.")[0]));
  }

  static ObjectNode claimsOf(String token) {
    return (ObjectNode) SuiteAccess.JSON.readTree(B64D.decode(token.split("\\.")[1]));
  }

  /** The X.509 PEM of an EC JWK ({@code crv} P-256, {@code x}, {@code y}). */
  static String pem(JsonNode jwk) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      ECParameterSpec params = ((ECPublicKey) generator.generateKeyPair().getPublic()).getParams();
      ECPoint point =
          new ECPoint(
              new BigInteger(1, B64D.decode(jwk.path("x").asString())),
              new BigInteger(1, B64D.decode(jwk.path("y").asString())));
      byte[] der =
          KeyFactory.getInstance("EC")
              .generatePublic(new ECPublicKeySpec(point, params))
              .getEncoded();
      return "-----BEGIN PUBLIC KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
          + "\n-----END PUBLIC KEY-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String signingInput(JsonNode header, JsonNode claims) {
    return encode(header) + "." + encode(claims);
  }

  private static String encode(JsonNode json) {
    return B64.encodeToString(SuiteAccess.JSON.writeValueAsBytes(json));
  }
}
