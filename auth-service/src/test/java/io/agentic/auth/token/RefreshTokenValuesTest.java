package io.agentic.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefreshTokenValuesTest {

  @Test
  void makesUrlSafeValuesOf256Bits() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String value = RefreshTokenValues.newValue();
      assertThat(value).hasSize(43).matches("[A-Za-z0-9_-]+");
      assertThat(RefreshTokenValues.isWellFormed(value)).isTrue();
      seen.add(value);
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void refusesValuesWeCannotHaveIssued() {
    assertThat(RefreshTokenValues.isWellFormed(null)).isFalse();
    assertThat(RefreshTokenValues.isWellFormed("")).isFalse();
    assertThat(RefreshTokenValues.isWellFormed("a".repeat(42))).isFalse();
    assertThat(RefreshTokenValues.isWellFormed("a".repeat(44))).isFalse();
    assertThat(RefreshTokenValues.isWellFormed("a".repeat(42) + "=")).isFalse();
    assertThat(RefreshTokenValues.isWellFormed("a".repeat(10_000))).isFalse();
  }

  @Test
  void storesOnlyTheSha256() {
    String value = RefreshTokenValues.newValue();
    String hash = RefreshTokenValues.hash(value);

    assertThat(hash).hasSize(64).matches("[0-9a-f]+").doesNotContain(value);
    assertThat(RefreshTokenValues.hash(value)).isEqualTo(hash);
    // SHA-256("abc"), the FIPS 180-2 test vector
    assertThat(RefreshTokenValues.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
