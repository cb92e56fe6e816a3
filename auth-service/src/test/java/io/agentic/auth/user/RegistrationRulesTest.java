package io.agentic.auth.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.platform.problem.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationRulesTest {

  private static final String GOOD_PASSWORD = "a-long-enough-password";

  @Test
  void acceptsValidInput() {
    assertThat(RegistrationRules.check("jane_doe.1", "jane@example.test", GOOD_PASSWORD)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab",
        "with space",
        "jane@doe",
        "abcdefghijklmnopqrstuvwxyz0123456",
        "ünïcode",
        "a/b"
      })
  void rejectsBadUsernames(String username) {
    assertThat(fields(RegistrationRules.check(username, "jane@example.test", GOOD_PASSWORD)))
        .containsExactly("username");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"plain", "@example.test", "jane@", "jane@-example.test", "ja ne@example.test"})
  void rejectsBadEmails(String email) {
    assertThat(fields(RegistrationRules.check("jane", email, GOOD_PASSWORD)))
        .containsExactly("email");
  }

  @Test
  void rejectsEmailsLongerThan254() {
    String email =
        "a".repeat(60) + "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(80);
    assertThat(email.length()).isGreaterThan(254);
    assertThat(RegistrationRules.check("jane", email, GOOD_PASSWORD))
        .containsExactly(new FieldProblem("email", "must be at most 254 characters"));
  }

  @Test
  void enforcesPasswordLength() {
    assertThat(fields(RegistrationRules.check("jane", "j@example.test", "123456789")))
        .containsExactly("password");
    assertThat(RegistrationRules.check("jane", "j@example.test", "1234567890")).isEmpty();
    assertThat(RegistrationRules.check("jane", "j@example.test", "x".repeat(128))).isEmpty();
    assertThat(fields(RegistrationRules.check("jane", "j@example.test", "x".repeat(129))))
        .containsExactly("password");
  }

  @Test
  void countsCharactersNotUtf16Units() {
    String emoji = "\uD83D\uDE00".repeat(128); // 128 characters, 256 UTF-16 units
    assertThat(RegistrationRules.check("jane", "j@example.test", emoji)).isEmpty();
  }

  @Test
  void rejectsPasswordEqualToUsernameOrEmailIgnoringCase() {
    assertThat(fields(RegistrationRules.check("JaneDoe123", "j@example.test", "janedoe123")))
        .containsExactly("password");
    assertThat(
            fields(
                RegistrationRules.check("jane", "Jane.Doe@Example.test", "jane.doe@example.TEST")))
        .containsExactly("password");
  }

  @Test
  void reportsEveryMissingField() {
    assertThat(fields(RegistrationRules.check(null, " ", null)))
        .containsExactly("username", "email", "password");
  }

  private static List<String> fields(List<FieldProblem> problems) {
    return problems.stream().map(FieldProblem::field).toList();
  }
}
