package io.agentic.auth.keys;

import io.agentic.auth.AuthProperties;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

  private static final Logger log = LoggerFactory.getLogger(KeysConfiguration.class);

  @Bean
  SigningKeys signingKeys(AuthProperties properties) {
    if (properties.signingKeyFile().isBlank()) {
      log.warn(
          "agentic.auth.signing-key-file is not set: signing with an in-memory key, so tokens "
              + "will not survive a restart");
      return SigningKeys.generate();
    }
    SigningKeys keys = SigningKeyFile.loadOrCreate(Path.of(properties.signingKeyFile()));
    log.info("Signing access tokens with key {}", keys.signingKey().getKeyID());
    return keys;
  }
}
