package io.agentic.gateway.echo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretHeadersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Authorization",
        "authorization",
        "Cookie",
        "Set-Cookie",
        "Proxy-Authorization",
        "X-API-Key",
        "x-apikey",
        "Api_Key",
        "X-Client-Secret",
        "X-Auth-Token",
        "Refresh-Token",
        "X-Password",
        "PASSWORD_HASH"
      })
  void treatsAsSecret(String name) {
    assertThat(SecretHeaders.isSecret(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Content-Type", "Accept", "X-Request-Id", "User-Agent", "X-Api-Version", "Host"})
  void leavesOrdinaryHeadersVisible(String name) {
    assertThat(SecretHeaders.isSecret(name)).isFalse();
  }
}
