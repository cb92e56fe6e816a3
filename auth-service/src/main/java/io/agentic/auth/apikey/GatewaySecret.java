package io.agentic.auth.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret the gateway proves itself with ({@code X-Gateway-Secret}) when it exchanges an API
 * key: only the gateway may turn keys into tokens, so a leaked key cannot be exchanged for a token
 * by calling auth-service directly.
 */
final class GatewaySecret {

  static final String HEADER = "X-Gateway-Secret";

  private final byte[] digest;

  private GatewaySecret(String secret) {
    this.digest = sha256(secret);
  }

  static GatewaySecret of(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("The gateway secret must not be blank");
    }
    return new GatewaySecret(secret);
  }

  /** A random secret for this process only (no gateway knows it, so no key can be exchanged). */
  static GatewaySecret random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new GatewaySecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** Compares digests, so neither the secret's content nor its length leaks through timing. */
  boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(digest, sha256(presented));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
