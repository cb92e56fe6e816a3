package io.agentic.auth.apikey;

import io.agentic.auth.AuthProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pepper API-key secrets are hashed with, and the secret the gateway proves itself with. */
@Configuration(proxyBeanMethods = false)
class ApiKeyConfiguration {

  static final String PEPPER_FILE_NAME = "api-key-pepper";

  private static final Logger log = LoggerFactory.getLogger(ApiKeyConfiguration.class);

  @Bean
  ApiKeyPepper apiKeyPepper(AuthProperties properties) {
    if (!properties.apiKeyPepper().isBlank()) {
      return new ApiKeyPepper(properties.apiKeyPepper().getBytes(StandardCharsets.UTF_8));
    }
    if (!properties.signingKeyFile().isBlank()) {
      Path file =
          Path.of(properties.signingKeyFile()).toAbsolutePath().resolveSibling(PEPPER_FILE_NAME);
      return new ApiKeyPepper(PepperFile.loadOrCreate(file));
    }
    log.warn(
        "Neither agentic.auth.api-key-pepper nor agentic.auth.signing-key-file is set: API keys "
            + "are hashed with an in-memory pepper and will not survive a restart");
    byte[] pepper = new byte[32];
    new SecureRandom().nextBytes(pepper);
    return new ApiKeyPepper(pepper);
  }

  @Bean
  GatewaySecret gatewaySecret(AuthProperties properties) {
    if (properties.gatewaySecret().isBlank()) {
      log.warn(
          "agentic.auth.gateway-secret (AGENTIC_GATEWAY_SECRET) is not set: using a random one for "
              + "this process, so no gateway can exchange API keys; give the gateway and "
              + "auth-service the same value");
      return GatewaySecret.random();
    }
    return GatewaySecret.of(properties.gatewaySecret());
  }
}
