package io.agentic.auth.user;

import static io.agentic.auth.AuthApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.auth.AuthApi;
import io.agentic.auth.AuthApi.Account;
import io.agentic.auth.AuthApi.Response;
import io.agentic.auth.AuthServiceIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AuthServiceIntegrationTest
class UsersIT {

  @LocalServerPort int port;

  AuthApi api;
  String admin;

  @BeforeEach
  void client() {
    api = new AuthApi(port);
    admin =
        api.login(AuthServiceIntegrationTest.ADMIN_EMAIL, AuthServiceIntegrationTest.ADMIN_PASSWORD)
            .text("accessToken");
  }

  @Test
  void showsAdminsAPageOfMatchingUsers() {
    // given two users sharing a fresh prefix
    String prefix = "p" + AuthApi.freshName().substring(1, 10);
    api.register(prefix + "_b", prefix + "_b@example.test", AuthApi.PASSWORD);
    api.register(prefix + "_a", prefix + "_a@example.test", AuthApi.PASSWORD);

    // when
    Response page = api.get("/api/auth/users?q=" + prefix.toUpperCase() + "&size=1", admin);

    // then
    assertThat(page.status()).isEqualTo(200);
    JsonNode body = page.json();
    assertThat(body.path("total").asLong()).isEqualTo(2);
    assertThat(body.path("page").asInt()).isZero();
    assertThat(body.path("size").asInt()).isEqualTo(1);
    assertThat(body.path("items")).hasSize(1);
    assertThat(body.path("items").get(0).path("username").asString()).isEqualTo(prefix + "_a");
    assertThat(body.path("items").get(0).path("email").asString()).endsWith("@example.test");
    assertThat(page.raw()).doesNotContainIgnoringCase("hash");
    Response second = api.get("/api/auth/users?q=" + prefix + "&size=1&page=1", admin);
    assertThat(second.json().path("items").get(0).path("username").asString())
        .isEqualTo(prefix + "_b");
  }

  @Test
  void matchesSearchTextLiterally() {
    Response regex = api.get("/api/auth/users?q=.*", admin);

    assertThat(regex.status()).isEqualTo(200);
    assertThat(regex.json().path("total").asLong()).isZero();
  }

  @Test
  void showsOthersOnlyAnExactMatchWithoutEmail() {
    Account caller = api.newAccount();
    Account target = api.newAccount();

    Response byName =
        api.get("/api/auth/users?q=" + target.username().toUpperCase(), caller.accessToken());
    Response byEmail = api.get("/api/auth/users?q=" + target.email(), caller.accessToken());
    Response partial =
        api.get("/api/auth/users?q=" + target.username().substring(0, 8), caller.accessToken());
    Response everyone = api.get("/api/auth/users", caller.accessToken());

    assertThat(byName.status()).isEqualTo(200);
    assertThat(byName.json()).hasSize(1);
    assertThat(byName.json().get(0).path("id").asString()).isEqualTo(target.id());
    assertThat(byName.json().get(0).path("username").asString()).isEqualTo(target.username());
    assertThat(byName.json().get(0).propertyNames()).containsExactlyInAnyOrder("id", "username");
    assertThat(byEmail.json().get(0).path("id").asString()).isEqualTo(target.id());
    assertThat(partial.json()).isEmpty();
    assertThat(everyone.json()).isEmpty();
  }

  @Test
  void rejectsBadPaging() {
    assertProblem(api.get("/api/auth/users?size=101", admin), 400, "VALIDATION_FAILED");
    assertProblem(api.get("/api/auth/users?size=0", admin), 400, "VALIDATION_FAILED");
    assertProblem(api.get("/api/auth/users?page=-1", admin), 400, "VALIDATION_FAILED");
    assertThat(api.get("/api/auth/users?page=x", admin).status()).isEqualTo(400);
    assertProblem(api.get("/api/auth/users", null), 401, "UNAUTHORIZED");
  }

  @Test
  void letsAdminChangeRoleAndEndsTheUsersLogins() {
    // given
    Account target = api.newAccount();

    // when
    Response changed =
        api.put("/api/auth/users/" + target.id() + "/role", "{\"role\":\"viewer\"}", admin);

    // then
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().path("role").asString()).isEqualTo("viewer");
    assertThat(changed.json().path("id").asString()).isEqualTo(target.id());
    assertProblem(api.me(target.accessToken()), 401, "UNAUTHORIZED");
    assertProblem(api.refresh(target.refreshToken()), 401, "INVALID_REFRESH_TOKEN");
    Response relogin = api.login(target.username(), AuthApi.PASSWORD);
    assertThat(relogin.json().path("user").path("role").asString()).isEqualTo("viewer");
    assertThat(api.me(relogin.text("accessToken")).json().path("role").asString())
        .isEqualTo("viewer");
  }

  @Test
  void refusesRoleChangeByNonAdmin() {
    Account caller = api.newAccount();
    Account target = api.newAccount();

    Response own =
        api.put(
            "/api/auth/users/" + caller.id() + "/role",
            "{\"role\":\"admin\"}",
            caller.accessToken());
    Response other =
        api.put(
            "/api/auth/users/" + target.id() + "/role",
            "{\"role\":\"viewer\"}",
            caller.accessToken());

    assertProblem(own, 403, "FORBIDDEN");
    assertProblem(other, 403, "FORBIDDEN");
    assertThat(api.me(caller.accessToken()).json().path("role").asString()).isEqualTo("user");
    assertThat(api.me(target.accessToken()).status()).isEqualTo(200);
  }

  @Test
  void rejectsUnknownRoleAndUnknownUser() {
    Account target = api.newAccount();

    List<Response> invalid = new ArrayList<>();
    invalid.add(api.put("/api/auth/users/" + target.id() + "/role", "{\"role\":\"root\"}", admin));
    invalid.add(api.put("/api/auth/users/" + target.id() + "/role", "{\"role\":\"ADMIN\"}", admin));
    invalid.add(api.put("/api/auth/users/" + target.id() + "/role", "{}", admin));
    invalid.add(
        api.put("/api/auth/users/" + target.id() + "/role", "{\"role\":[\"admin\"]}", admin));

    invalid.forEach(r -> assertProblem(r, 400, "VALIDATION_FAILED"));
    assertProblem(
        api.put("/api/auth/users/" + new ObjectId() + "/role", "{\"role\":\"user\"}", admin),
        404,
        "NOT_FOUND");
    assertProblem(
        api.put("/api/auth/users/not-an-id/role", "{\"role\":\"user\"}", admin), 404, "NOT_FOUND");
    assertThat(api.me(target.accessToken()).json().path("role").asString()).isEqualTo("user");
  }
}
