package io.agentic.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.auth.user.RegistrationRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminUsernameTest {

  @Test
  void usesTheEmailsLocalPart() {
    assertThat(AdminUsername.freeFor("Jane.Doe@example.test", name -> false)).isEqualTo("Jane.Doe");
  }

  @Test
  void dropsCharactersUsernamesCannotHold() {
    assertThat(AdminUsername.baseOf("jane+ops!@example.test")).isEqualTo("janeops");
  }

  @Test
  void padsShortAndCutsLongLocalParts() {
    assertThat(AdminUsername.baseOf("a@example.test")).isEqualTo("a__");
    assertThat(AdminUsername.baseOf("+@example.test")).isEqualTo("___");
    assertThat(AdminUsername.baseOf("x".repeat(60) + "@example.test")).hasSize(32);
  }

  @Test
  void appendsANumberUntilFree() {
    Set<String> taken = Set.of("ops", "ops-2", "ops-3");
    assertThat(AdminUsername.freeFor("ops@example.test", taken::contains)).isEqualTo("ops-4");
  }

  @Test
  void keepsNumberedLongNamesWithinTheLimit() {
    String local = "y".repeat(32);
    String name = AdminUsername.freeFor(local + "@example.test", local::equals);
    assertThat(name).hasSize(32).endsWith("-2");
    assertThat(RegistrationRules.isUsername(name)).isTrue();
  }
}
