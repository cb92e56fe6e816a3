package io.agentic.auth.session;

import static io.agentic.auth.AuthApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTParser;
import io.agentic.auth.AuthApi;
import io.agentic.auth.AuthApi.Account;
import io.agentic.auth.AuthApi.Response;
import io.agentic.auth.AuthServiceIntegrationTest;
import io.agentic.platform.security.TokenDenyList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

@AuthServiceIntegrationTest
class LogoutIT {

  @LocalServerPort int port;

  @Autowired StringRedisTemplate redis;

  AuthApi api;

  @BeforeEach
  void client() {
    api = new AuthApi(port);
  }

  @Test
  void logoutStopsAccessAndRefreshTokenAtOnce() throws Exception {
    // given
    Account account = api.newAccount();
    Response otherLogin = api.login(account.email(), AuthApi.PASSWORD);

    // when
    Response logout =
        api.post(
            "/api/auth/logout",
            AuthApi.json(java.util.Map.of("refreshToken", account.refreshToken())),
            account.accessToken());

    // then
    assertThat(logout.status()).isEqualTo(204);
    assertProblem(api.me(account.accessToken()), 401, "UNAUTHORIZED");
    assertProblem(api.refresh(account.refreshToken()), 401, "INVALID_REFRESH_TOKEN");
    String jti = JWTParser.parse(account.accessToken()).getJWTClaimsSet().getJWTID();
    Long ttl = redis.getExpire(TokenDenyList.JTI_PREFIX + jti, TimeUnit.SECONDS);
    assertThat(ttl).isBetween(60L, 16 * 60L);
    // another login of the same user goes on
    assertThat(api.me(otherLogin.text("accessToken")).status()).isEqualTo(200);
    assertThat(api.refresh(otherLogin.text("refreshToken")).status()).isEqualTo(200);
  }

  @Test
  void logoutWithoutBodyEndsTheTokensLogin() {
    Account account = api.newAccount();
    Response refreshed = api.refresh(account.refreshToken());

    Response logout = api.post("/api/auth/logout", null, refreshed.text("accessToken"));

    assertThat(logout.status()).isEqualTo(204);
    assertProblem(api.me(refreshed.text("accessToken")), 401, "UNAUTHORIZED");
    assertProblem(api.refresh(refreshed.text("refreshToken")), 401, "INVALID_REFRESH_TOKEN");
  }

  @Test
  void logoutRequiresAccessToken() {
    Account account = api.newAccount();

    Response anonymous =
        api.post(
            "/api/auth/logout",
            AuthApi.json(java.util.Map.of("refreshToken", account.refreshToken())));

    assertProblem(anonymous, 401, "UNAUTHORIZED");
    assertThat(api.refresh(account.refreshToken()).status()).isEqualTo(200);
  }

  @Test
  void logoutLeavesAnotherUsersRefreshTokenAlone() {
    Account caller = api.newAccount();
    Account victim = api.newAccount();

    Response logout =
        api.post(
            "/api/auth/logout",
            AuthApi.json(java.util.Map.of("refreshToken", victim.refreshToken())),
            caller.accessToken());

    assertThat(logout.status()).isEqualTo(204);
    assertThat(api.me(victim.accessToken()).status()).isEqualTo(200);
    assertThat(api.refresh(victim.refreshToken()).status()).isEqualTo(200);
    assertProblem(api.refresh(caller.refreshToken()), 401, "INVALID_REFRESH_TOKEN");
  }

  @Test
  void rejectsMalformedLogoutBody() {
    Account account = api.newAccount();

    assertProblem(
        api.post("/api/auth/logout", "{\"refreshToken\":{\"$ne\":null}}", account.accessToken()),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        api.post("/api/auth/logout", "{\"other\":1}", account.accessToken()),
        400,
        "VALIDATION_FAILED");
  }
}
