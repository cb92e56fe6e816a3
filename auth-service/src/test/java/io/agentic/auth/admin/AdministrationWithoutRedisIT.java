package io.agentic.auth.admin;

import static io.agentic.auth.AuthApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.agentic.auth.AuthApi;
import io.agentic.auth.AuthApi.Account;
import io.agentic.auth.AuthApi.Response;
import io.agentic.auth.AuthServiceIntegrationTest;
import io.agentic.auth.AuthServiceWithoutRedis;
import io.agentic.auth.user.User;
import io.agentic.auth.user.Users;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.security.CurrentUser;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * Role changes and deletions while Redis is down: refused with 503 and the account left exactly as
 * it was, so that a retry once Redis is back revokes everything. The platform's filter refuses the
 * requests already; the service's own order of writes is checked too, for a Redis that fails
 * between that check and the change.
 */
@AuthServiceWithoutRedis
class AdministrationWithoutRedisIT {

  @LocalServerPort int port;

  @Autowired UserAdministration administration;
  @Autowired Users users;

  AuthApi api;
  String adminToken;
  CurrentUser admin;
  Account target;

  @BeforeEach
  void adminAndTarget() {
    api = new AuthApi(port);
    adminToken =
        api.login(AuthServiceIntegrationTest.ADMIN_EMAIL, AuthServiceIntegrationTest.ADMIN_PASSWORD)
            .text("accessToken");
    Response me = api.me(adminToken);
    admin = new CurrentUser(me.text("id"), me.text("username"), CurrentUser.ADMIN, Set.of(), "jti");
    target = api.newAccount();
  }

  @Test
  void refusesARoleChangeItCannotMakeEffective() {
    Response put =
        api.put("/api/auth/users/" + target.id() + "/role", "{\"role\":\"viewer\"}", adminToken);
    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () -> administration.changeRole(admin, target.id(), CurrentUser.VIEWER));

    assertProblem(put, 503, "SERVICE_UNAVAILABLE");
    assertThat(put.headers().getFirst("Retry-After")).isNotBlank();
    assertUnavailable(refused);
    // the role is unchanged, so a retry is not mistaken for a change already made
    assertThat(users.findById(target.id())).map(User::role).contains(CurrentUser.USER);
    assertThat(api.me(target.accessToken()).text("role")).isEqualTo(CurrentUser.USER);
  }

  @Test
  void refusesADeletionItCannotMakeEffective() {
    Response delete = api.delete("/api/auth/users/" + target.id(), adminToken);
    ApiException refused =
        catchThrowableOfType(ApiException.class, () -> administration.delete(admin, target.id()));

    assertProblem(delete, 503, "SERVICE_UNAVAILABLE");
    assertThat(delete.headers().getFirst("Retry-After")).isNotBlank();
    assertUnavailable(refused);
    // the account is still there: a retry finds it and revokes its tokens before deleting it
    assertThat(users.findById(target.id())).isPresent();
    assertThat(api.login(target.email(), AuthApi.PASSWORD).status()).isEqualTo(200);
  }

  private static void assertUnavailable(ApiException e) {
    assertThat(e).isNotNull();
    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(e.code()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(e.headers().getFirst("Retry-After")).isEqualTo("5");
  }
}
