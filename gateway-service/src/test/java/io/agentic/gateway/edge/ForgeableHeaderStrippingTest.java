package io.agentic.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForgeableHeaderStrippingTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "X-User-Id",
        "x-user-roles",
        "X-User-Role",
        "X-User-Email",
        "X-Internal",
        "x-request-from",
        "X-Authenticated-User",
        "X-Forwarded-For",
        "X-Forwarded-Host",
        "x-forwarded-proto",
        "X-Forwarded-Prefix",
        "Forwarded",
        "X-Real-IP",
        "X-Gateway-Secret"
      })
  void stripsHeadersThatClaimAnIdentityOrAnOrigin(String name) {
    assertThat(ForgeableHeaderStripping.isForgeable(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Authorization", "X-API-Key", "X-Request-Id", "Idempotency-Key", "User-Agent"})
  void keepsWhatTheServicesNeed(String name) {
    assertThat(ForgeableHeaderStripping.isForgeable(name)).isFalse();
  }
}
