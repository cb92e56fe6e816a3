package io.agentic.auth.apikey;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes API-key secrets: HMAC-SHA-256 keyed with a server-side pepper, so that a copy of the
 * database alone cannot be used to test guessed keys. The secrets carry 256 random bits, so a fast
 * hash is right (no Argon2 on every exchange).
 */
final class ApiKeyPepper {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  ApiKeyPepper(byte[] pepper) {
    if (pepper.length < 16) {
      throw new IllegalArgumentException("The API-key pepper must hold at least 16 bytes");
    }
    this.key = new SecretKeySpec(pepper.clone(), ALGORITHM);
  }

  /** Hex HMAC of {@code secret}: what is stored. */
  String hash(String secret) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available", e);
    }
  }

  /**
   * Whether {@code secret} hashes to {@code storedHash}, in time independent of where they differ.
   */
  boolean matches(String secret, String storedHash) {
    return MessageDigest.isEqual(
        hash(secret).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
