package io.agentic.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthPropertiesTest {

  @Test
  void acceptsAccessTokensOfAtMostFifteenMinutes() {
    assertThat(properties(Duration.ofMinutes(15)).accessTokenTtl()).hasMinutes(15);
    assertThat(properties(Duration.ofMinutes(5)).accessTokenTtl()).hasMinutes(5);
  }

  @Test
  void refusesLongerOrEmptyAccessTokenLife() {
    assertThatThrownBy(() -> properties(Duration.ofMinutes(16)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("access-token-ttl");
    assertThatThrownBy(() -> properties(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptsApiKeyTokensOfAtMostFiveMinutes() {
    assertThat(withApiKeyTokenTtl(Duration.ofMinutes(5)).apiKeyTokenTtl()).hasMinutes(5);
    assertThatThrownBy(() -> withApiKeyTokenTtl(Duration.ofMinutes(6)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("api-key-token-ttl");
    assertThatThrownBy(() -> withApiKeyTokenTtl(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void needsBothAdminSettingsForAnAdmin() {
    assertThat(withAdmin("a@b.test", "pw").hasAdmin()).isTrue();
    assertThat(withAdmin("a@b.test", "").hasAdmin()).isFalse();
    assertThat(withAdmin("", "pw").hasAdmin()).isFalse();
  }

  private static AuthProperties properties(Duration accessTtl) {
    return new AuthProperties(
        "",
        accessTtl,
        Duration.ofDays(30),
        "",
        "",
        4,
        Duration.ofSeconds(2),
        "",
        "",
        Duration.ofMinutes(5));
  }

  private static AuthProperties withApiKeyTokenTtl(Duration ttl) {
    return new AuthProperties(
        "",
        Duration.ofMinutes(15),
        Duration.ofDays(30),
        "",
        "",
        4,
        Duration.ofSeconds(2),
        "",
        "",
        ttl);
  }

  private static AuthProperties withAdmin(String email, String password) {
    return new AuthProperties(
        "",
        Duration.ofMinutes(15),
        Duration.ofDays(30),
        email,
        password,
        4,
        Duration.ofSeconds(2),
        "",
        "",
        Duration.ofMinutes(5));
  }
}
