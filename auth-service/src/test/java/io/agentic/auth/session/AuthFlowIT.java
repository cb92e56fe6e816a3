package io.agentic.auth.session;

import static io.agentic.auth.AuthApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.auth.AuthApi;
import io.agentic.auth.AuthApi.Account;
import io.agentic.auth.AuthApi.Response;
import io.agentic.auth.AuthServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AuthServiceIntegrationTest
class AuthFlowIT {

  @LocalServerPort int port;

  AuthApi api;

  @BeforeEach
  void client() {
    api = new AuthApi(port);
  }

  @Test
  void registersLogsInAndAnswersMe() {
    // given
    String username = AuthApi.freshName();
    String email = username + "@Example.test";

    // when
    Response registered = api.register(username, email, AuthApi.PASSWORD);

    // then
    assertThat(registered.status()).isEqualTo(201);
    JsonNode body = registered.json();
    JsonNode user = body.path("user");
    assertThat(user.path("id").asString()).isNotBlank();
    assertThat(user.path("username").asString()).isEqualTo(username);
    assertThat(user.path("email").asString()).isEqualTo(email);
    assertThat(user.path("role").asString()).isEqualTo("user");
    assertThat(user.path("createdAt").asString()).isNotBlank();
    assertThat(user.propertyNames())
        .containsExactlyInAnyOrder("id", "username", "email", "role", "createdAt");
    assertThat(body.path("accessToken").asString()).isNotBlank();
    assertThat(body.path("refreshToken").asString()).hasSizeGreaterThanOrEqualTo(43);
    assertThat(body.path("expiresIn").asLong()).isEqualTo(900);
    assertThat(registered.raw())
        .doesNotContainIgnoringCase("hash")
        .doesNotContain(AuthApi.PASSWORD);

    // when logging in by username and by email, in another case
    Response byName = api.login(username.toUpperCase(), AuthApi.PASSWORD);
    Response byEmail = api.login(email.toLowerCase(), AuthApi.PASSWORD);

    // then
    assertThat(byName.status()).isEqualTo(200);
    assertThat(byEmail.status()).isEqualTo(200);
    assertThat(byName.json().path("user")).isEqualTo(user);
    Response me = api.me(byEmail.text("accessToken"));
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json()).isEqualTo(user);
  }

  @Test
  void ignoresRoleInRegistration() {
    String username = AuthApi.freshName();
    Response response =
        api.post(
            "/api/auth/register",
            AuthApi.json(
                Map.of(
                    "username",
                    username,
                    "email",
                    username + "@example.test",
                    "password",
                    AuthApi.PASSWORD,
                    "role",
                    "admin")));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().path("user").path("role").asString()).isEqualTo("user");
    assertThat(api.me(response.text("accessToken")).json().path("role").asString())
        .isEqualTo("user");
  }

  @Test
  void rejectsUnknownRegistrationField() {
    String username = AuthApi.freshName();
    Response response =
        api.post(
            "/api/auth/register",
            AuthApi.json(
                Map.of(
                    "username",
                    username,
                    "email",
                    username + "@example.test",
                    "password",
                    AuthApi.PASSWORD,
                    "isAdmin",
                    true)));

    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(api.login(username, AuthApi.PASSWORD).status()).isEqualTo(401);
  }

  @Test
  void rejectsDuplicateUsernameAndEmailWhateverTheirCase() {
    Account existing = api.newAccount();
    String other = AuthApi.freshName();

    Response sameName =
        api.register(existing.username().toUpperCase(), other + "@example.test", AuthApi.PASSWORD);
    Response sameEmail = api.register(other, existing.email().toUpperCase(), AuthApi.PASSWORD);

    assertProblem(sameName, 409, "USERNAME_TAKEN");
    assertProblem(sameEmail, 409, "EMAIL_TAKEN");
    assertThat(api.login(other, AuthApi.PASSWORD).status()).isEqualTo(401);
  }

  @Test
  void letsOnlyOneOfTwoConcurrentRegistrationsOfTheSameNameWin() throws Exception {
    String username = AuthApi.freshName();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var first =
          executor.submit(
              () -> api.register(username, username + "-1@example.test", AuthApi.PASSWORD));
      var second =
          executor.submit(
              () -> api.register(username, username + "-2@example.test", AuthApi.PASSWORD));
      assertThat(List.of(first.get().status(), second.get().status()))
          .containsExactlyInAnyOrder(201, 409);
    }
  }

  @Test
  void rejectsWeakPasswordAndInvalidFieldsWithOneErrorEach() {
    Response response = api.register("ab", "not-an-email", "short");

    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(fieldsOf(response)).containsExactlyInAnyOrder("username", "email", "password");
  }

  @Test
  void rejectsPasswordEqualToUsernameOrEmail() {
    String username = AuthApi.freshName();
    String email = username + "@example.test";

    Response sameAsName = api.register(username, email, username.toUpperCase());
    Response sameAsEmail = api.register(username, email, email);

    assertProblem(sameAsName, 400, "VALIDATION_FAILED");
    assertThat(fieldsOf(sameAsName)).containsExactly("password");
    assertProblem(sameAsEmail, 400, "VALIDATION_FAILED");
    assertThat(fieldsOf(sameAsEmail)).containsExactly("password");
  }

  @Test
  void rejectsMissingAndMistypedRegistrationFields() {
    assertProblem(api.post("/api/auth/register", "{}"), 400, "VALIDATION_FAILED");
    assertThat(fieldsOf(api.post("/api/auth/register", "{}")))
        .containsExactlyInAnyOrder("username", "email", "password");
    assertProblem(
        api.post(
            "/api/auth/register",
            "{\"username\":[\"x\"],\"email\":\"a@b.test\",\"password\":\"0123456789\"}"),
        400,
        "VALIDATION_FAILED");
    assertThat(api.post("/api/auth/register", "not json").status()).isEqualTo(400);
    assertThat(api.post("/api/auth/register", "[]").status()).isEqualTo(400);
    String longEmail = "a".repeat(250) + "@example.test";
    assertThat(fieldsOf(api.register(AuthApi.freshName(), longEmail, AuthApi.PASSWORD)))
        .containsExactly("email");
  }

  @Test
  void refusesQueryOperatorsAsLogin() {
    Account account = api.newAccount();

    Response operator =
        api.post("/api/auth/login", "{\"login\":{\"$ne\":null},\"password\":{\"$ne\":null}}");
    Response array =
        api.post(
            "/api/auth/login",
            "{\"login\":[\""
                + account.username()
                + "\"],\"password\":\""
                + AuthApi.PASSWORD
                + "\"}");
    Response regex =
        api.post("/api/auth/login", "{\"login\":{\"$regex\":\".*\"},\"password\":\"x\"}");

    assertProblem(operator, 400, "VALIDATION_FAILED");
    assertProblem(array, 400, "VALIDATION_FAILED");
    assertProblem(regex, 400, "VALIDATION_FAILED");
    assertThat(operator.raw()).doesNotContain("accessToken");
  }

  @Test
  void answersWrongPasswordAndUnknownUserAlike() {
    Account account = api.newAccount();

    Response wrongPassword = api.login(account.username(), "not-the-password");
    Response unknownUser = api.login(AuthApi.freshName(), "not-the-password");
    Response unknownEmail = api.login(AuthApi.freshName() + "@example.test", AuthApi.PASSWORD);

    assertProblem(wrongPassword, 401, "INVALID_CREDENTIALS");
    assertThat(unknownUser.raw()).isEqualTo(wrongPassword.raw());
    assertThat(unknownEmail.raw()).isEqualTo(wrongPassword.raw());
    assertThat(unknownUser.status()).isEqualTo(401);
  }

  @Test
  void rejectsLoginWithMissingFields() {
    assertProblem(api.post("/api/auth/login", "{}"), 400, "VALIDATION_FAILED");
    assertThat(fieldsOf(api.post("/api/auth/login", "{\"login\":\"\"}")))
        .containsExactlyInAnyOrder("login", "password");
    assertProblem(api.post("/api/auth/login", "null"), 400, "MALFORMED_JSON");
  }

  @Test
  void requiresTokenForMe() {
    assertProblem(api.me(null), 401, "UNAUTHORIZED");
    assertProblem(api.me("not-a-jwt"), 401, "UNAUTHORIZED");
    Account account = api.newAccount();
    assertProblem(api.me(account.refreshToken()), 401, "UNAUTHORIZED");
  }

  static List<String> fieldsOf(Response response) {
    List<String> fields = new ArrayList<>();
    response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
    return fields;
  }
}
