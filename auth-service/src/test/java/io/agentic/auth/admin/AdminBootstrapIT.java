package io.agentic.auth.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.agentic.auth.AuthApi;
import io.agentic.auth.AuthApi.Response;
import io.agentic.auth.AuthServiceIntegrationTest;
import io.agentic.auth.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

@AuthServiceIntegrationTest
class AdminBootstrapIT {

  @LocalServerPort int port;

  @Autowired AdminBootstrap bootstrap;
  @Autowired MongoTemplate mongo;

  AuthApi api;

  @BeforeEach
  void client() {
    api = new AuthApi(port);
  }

  @Test
  void createsConfiguredAdminAtStartUp() {
    Response login =
        api.login(
            AuthServiceIntegrationTest.ADMIN_EMAIL, AuthServiceIntegrationTest.ADMIN_PASSWORD);

    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().path("user").path("role").asString()).isEqualTo("admin");
    assertThat(login.json().path("user").path("username").asString()).isEqualTo("Root.Admin");
    assertThat(api.me(login.text("accessToken")).json().path("role").asString()).isEqualTo("admin");
  }

  @Test
  void createsAdminOnlyOnce() {
    // when the start-up step runs again
    var again =
        bootstrap.ensureAdmin(
            AuthServiceIntegrationTest.ADMIN_EMAIL.toLowerCase(), "another-long-password");

    // then nothing is created and the password is unchanged
    assertThat(again).isEmpty();
    long admins =
        mongo.count(
            query(where("emailLower").is(AuthServiceIntegrationTest.ADMIN_EMAIL.toLowerCase())),
            User.class);
    assertThat(admins).isEqualTo(1);
    assertThat(
            api.login(
                    AuthServiceIntegrationTest.ADMIN_EMAIL,
                    AuthServiceIntegrationTest.ADMIN_PASSWORD)
                .status())
        .isEqualTo(200);
    assertThat(api.login(AuthServiceIntegrationTest.ADMIN_EMAIL, "another-long-password").status())
        .isEqualTo(401);
  }

  @Test
  void picksFreeUsernameWhenLocalPartIsTaken() {
    // given a user already named like the new admin's local part
    AuthApi.Account existing = api.newAccount();
    String email = existing.username() + "@admins.test";

    // when
    var admin = bootstrap.ensureAdmin(email, "admin-password-123");

    // then
    assertThat(admin).isPresent();
    assertThat(admin.get().username()).isEqualTo(existing.username() + "-2");
    assertThat(admin.get().role()).isEqualTo("admin");
    assertThat(api.login(email, "admin-password-123").status()).isEqualTo(200);
  }
}
