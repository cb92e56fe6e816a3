package io.agentic.auth.session;

import static io.agentic.auth.AuthApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.auth.AuthApi;
import io.agentic.auth.AuthApi.Account;
import io.agentic.auth.AuthApi.Response;
import io.agentic.auth.AuthServiceWithoutRedis;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signing in, reading and ending logins while Redis is down: what needs no deny-list goes on, what
 * must reach it answers 503 and changes nothing a retry would miss.
 */
@AuthServiceWithoutRedis
class SessionsWithoutRedisIT {

  @LocalServerPort int port;

  AuthApi api;

  @BeforeEach
  void client() {
    api = new AuthApi(port);
  }

  @Test
  void registersSignsInRefreshesAndReadsWithoutTheDenyList() {
    // given a newcomer
    Account account = api.newAccount();

    // when it signs in, reads and refreshes
    Response login = api.login(account.email(), AuthApi.PASSWORD);
    Response me = api.me(login.text("accessToken"));
    Response keys = api.get("/api/auth/api-keys", login.text("accessToken"));
    Response refreshed = api.refresh(login.text("refreshToken"));

    // then all of it works: token checks on reads fail open
    assertThat(login.status()).as(login.raw()).isEqualTo(200);
    assertThat(me.status()).as(me.raw()).isEqualTo(200);
    assertThat(me.text("id")).isEqualTo(account.id());
    assertThat(keys.status()).as(keys.raw()).isEqualTo(200);
    assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(200);
  }

  @Test
  void refusesALogoutItCannotRecordAndLeavesTheLoginWhole() {
    // given a login
    Account account = api.newAccount();

    // when it logs out
    Response logout =
        api.post(
            "/api/auth/logout",
            AuthApi.json(Map.of("refreshToken", account.refreshToken())),
            account.accessToken());

    // then 503 with Retry-After, and the login is as it was: the client may simply retry
    assertProblem(logout, 503, "SERVICE_UNAVAILABLE");
    assertThat(logout.headers().getFirst("Retry-After")).isEqualTo("5");
    assertThat(api.me(account.accessToken()).status()).isEqualTo(200);
    assertThat(api.refresh(account.refreshToken()).status()).isEqualTo(200);
  }

  @Test
  void refusesARefreshTokenReuseWith503AndEndsTheLoginAnyway() {
    // given a login refreshed once: R1 spent, R2 current
    Account account = api.newAccount();
    Response second = api.refresh(account.refreshToken());
    assertThat(second.status()).as(second.raw()).isEqualTo(200);

    // when R1 is presented again
    Response reuse = api.refresh(account.refreshToken());

    // then the answer is 503 (the family's access tokens could not be denied) ...
    assertProblem(reuse, 503, "SERVICE_UNAVAILABLE");
    assertThat(reuse.headers().getFirst("Retry-After")).isEqualTo("5");
    assertThat(reuse.raw()).doesNotContain("accessToken");
    // ... but the login cannot go on: its refresh tokens are revoked in MongoDB
    assertProblem(api.refresh(second.text("refreshToken")), 401, "INVALID_REFRESH_TOKEN");
    // and presenting R1 again still owes the deny-list its entry: 503 again, not a quiet 401
    assertProblem(api.refresh(account.refreshToken()), 503, "SERVICE_UNAVAILABLE");
  }
}
