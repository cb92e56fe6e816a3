package io.agentic.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * auth-service's settings, all under {@code agentic.auth}. Issuer and audience are the platform's
 * ({@code agentic.security.*}) so that signing and verifying can never disagree.
 *
 * @param signingKeyFile where the private signing keys (a JWK set) persist; empty keeps a fresh key
 *     in memory only, so tokens do not survive a restart (tests)
 * @param accessTokenTtl lifetime of an access token, at most 15 minutes
 * @param refreshTokenTtl lifetime of each refresh token (every refresh issues a new one)
 * @param adminEmail with {@code adminPassword}: an admin account created at start-up if no user has
 *     this email
 * @param hashConcurrency how many password hashes may run at once (each takes 19 MiB and a core)
 * @param hashWait how long a request waits for a free hashing slot before answering 503
 * @param apiKeyPepper the HMAC key API-key secrets are hashed with; empty: a random pepper kept in
 *     {@code api-key-pepper} next to the signing key file, or in memory when that is unset too
 *     (tests), so that keys do not survive a restart
 * @param gatewaySecret the value the gateway sends in {@code X-Gateway-Secret} to exchange API
 *     keys; empty: a random one for this process only, which no gateway knows
 * @param apiKeyTokenTtl lifetime of an access token exchanged for an API key, at most 5 minutes
 */
@ConfigurationProperties("agentic.auth")
public record AuthProperties(
    @DefaultValue("") String signingKeyFile,
    @DefaultValue("15m") Duration accessTokenTtl,
    @DefaultValue("30d") Duration refreshTokenTtl,
    @DefaultValue("") String adminEmail,
    @DefaultValue("") String adminPassword,
    @DefaultValue("4") int hashConcurrency,
    @DefaultValue("2s") Duration hashWait,
    @DefaultValue("") String apiKeyPepper,
    @DefaultValue("") String gatewaySecret,
    @DefaultValue("5m") Duration apiKeyTokenTtl) {

  static final Duration MAX_ACCESS_TOKEN_TTL = Duration.ofMinutes(15);
  static final Duration MAX_API_KEY_TOKEN_TTL = Duration.ofMinutes(5);

  public AuthProperties {
    if (accessTokenTtl.isNegative()
        || accessTokenTtl.isZero()
        || accessTokenTtl.compareTo(MAX_ACCESS_TOKEN_TTL) > 0) {
      throw new IllegalArgumentException(
          "agentic.auth.access-token-ttl must be between 1s and 15m, was " + accessTokenTtl);
    }
    if (refreshTokenTtl.isNegative() || refreshTokenTtl.isZero()) {
      throw new IllegalArgumentException("agentic.auth.refresh-token-ttl must be positive");
    }
    if (apiKeyTokenTtl.isNegative()
        || apiKeyTokenTtl.isZero()
        || apiKeyTokenTtl.compareTo(MAX_API_KEY_TOKEN_TTL) > 0) {
      throw new IllegalArgumentException(
          "agentic.auth.api-key-token-ttl must be between 1s and 5m, was " + apiKeyTokenTtl);
    }
    if (hashConcurrency < 1) {
      throw new IllegalArgumentException("agentic.auth.hash-concurrency must be at least 1");
    }
  }

  public boolean hasAdmin() {
    return !adminEmail.isBlank() && !adminPassword.isBlank();
  }
}
