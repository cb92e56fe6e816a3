package io.agentic.auth.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiKeyPepperTest {

  private final ApiKeyPepper pepper =
      new ApiKeyPepper("a-pepper-of-enough-bytes".getBytes(StandardCharsets.UTF_8));

  @Test
  void matchesOnlyTheSecretItHashed() {
    String hash = pepper.hash("secret-one");

    assertThat(hash).hasSize(64).isNotEqualTo(pepper.hash("secret-two"));
    assertThat(pepper.matches("secret-one", hash)).isTrue();
    assertThat(pepper.matches("secret-two", hash)).isFalse();
    assertThat(pepper.matches("secret-one", hash.substring(1))).isFalse();
  }

  @Test
  void dependsOnThePepper() {
    ApiKeyPepper other =
        new ApiKeyPepper("another-pepper-of-bytes".getBytes(StandardCharsets.UTF_8));

    assertThat(other.hash("secret")).isNotEqualTo(pepper.hash("secret"));
    assertThat(other.matches("secret", pepper.hash("secret"))).isFalse();
  }

  @Test
  void refusesAShortPepper() {
    assertThatThrownBy(() -> new ApiKeyPepper(new byte[8]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
