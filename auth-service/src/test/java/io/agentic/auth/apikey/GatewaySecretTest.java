package io.agentic.auth.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GatewaySecretTest {

  @Test
  void matchesOnlyTheExactSecret() {
    GatewaySecret secret = GatewaySecret.of("shared-secret");

    assertThat(secret.matches("shared-secret")).isTrue();
    assertThat(secret.matches("shared-secret ")).isFalse();
    assertThat(secret.matches("Shared-secret")).isFalse();
    assertThat(secret.matches("")).isFalse();
    assertThat(secret.matches(null)).isFalse();
  }

  @Test
  void aRandomSecretMatchesNothingAGuessCouldBe() {
    GatewaySecret secret = GatewaySecret.random();

    assertThat(secret.matches("")).isFalse();
    assertThat(secret.matches("changeme")).isFalse();
  }

  @Test
  void refusesABlankSecret() {
    assertThatThrownBy(() -> GatewaySecret.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
