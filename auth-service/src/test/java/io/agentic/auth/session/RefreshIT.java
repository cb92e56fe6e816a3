package io.agentic.auth.session;

import static io.agentic.auth.AuthApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTParser;
import io.agentic.auth.AuthApi;
import io.agentic.auth.AuthApi.Account;
import io.agentic.auth.AuthApi.Response;
import io.agentic.auth.AuthServiceIntegrationTest;
import io.agentic.platform.security.TokenDenyList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpMethod;

@AuthServiceIntegrationTest
class RefreshIT {

  @LocalServerPort int port;

  @Autowired StringRedisTemplate redis;

  AuthApi api;

  @BeforeEach
  void client() {
    api = new AuthApi(port);
  }

  @Test
  void rotatesRefreshTokenOnEachUse() {
    // given
    Account account = api.newAccount();

    // when
    Response refreshed = api.refresh(account.refreshToken());

    // then
    assertThat(refreshed.status()).isEqualTo(200);
    String next = refreshed.text("refreshToken");
    assertThat(next).isNotEqualTo(account.refreshToken());
    assertThat(refreshed.json().path("user").path("id").asString()).isEqualTo(account.id());
    assertThat(refreshed.json().path("expiresIn").asLong()).isEqualTo(900);
    assertThat(api.me(refreshed.text("accessToken")).status()).isEqualTo(200);
    assertThat(refreshed.headers().getCacheControl()).contains("no-store");

    // and the next token is good for one more exchange
    Response again = api.refresh(next);
    assertThat(again.status()).isEqualTo(200);
    assertThat(api.me(again.text("accessToken")).status()).isEqualTo(200);
  }

  @Test
  void rejectsRefreshTokenReuseAndRevokesItsFamily() {
    // given a login refreshed once: R1 spent, R2 current
    Account account = api.newAccount();
    Response second = api.refresh(account.refreshToken());
    String r2 = second.text("refreshToken");
    String access2 = second.text("accessToken");
    Account otherLogin = loginAgain(account);

    // when R1 is presented again
    Response reuse = api.refresh(account.refreshToken());

    // then it is refused and every token of that login stops working
    assertProblem(reuse, 401, "INVALID_REFRESH_TOKEN");
    assertProblem(api.refresh(r2), 401, "INVALID_REFRESH_TOKEN");
    assertProblem(api.me(access2), 401, "UNAUTHORIZED");
    assertProblem(api.me(account.accessToken()), 401, "UNAUTHORIZED");
    assertProblem(api.refresh(account.refreshToken()), 401, "INVALID_REFRESH_TOKEN");
    // but the user's other login is untouched
    assertThat(api.me(otherLogin.accessToken()).status()).isEqualTo(200);
    assertThat(api.refresh(otherLogin.refreshToken()).status()).isEqualTo(200);
  }

  @Test
  void presentingASpentTokenAgainRepeatsTheDenialALostWriteMissed() throws Exception {
    // given a reuse whose deny-list entry is gone, as when Redis failed right after the refresh
    // tokens were revoked (that request answered 503)
    Account account = api.newAccount();
    api.refresh(account.refreshToken());
    assertProblem(api.refresh(account.refreshToken()), 401, "INVALID_REFRESH_TOKEN");
    String family = JWTParser.parse(account.accessToken()).getJWTClaimsSet().getStringClaim("fam");
    redis.delete(TokenDenyList.FAMILY_PREFIX + family);
    assertThat(api.me(account.accessToken()).status()).isEqualTo(200);

    // when the spent token is presented again (the client retries)
    Response retried = api.refresh(account.refreshToken());

    // then it is still refused, and this time the family's access tokens are denied
    assertProblem(retried, 401, "INVALID_REFRESH_TOKEN");
    assertThat(redis.hasKey(TokenDenyList.FAMILY_PREFIX + family)).isTrue();
    assertProblem(api.me(account.accessToken()), 401, "UNAUTHORIZED");
  }

  @Test
  void letsOnlyOneOfTwoConcurrentRefreshesWin() throws Exception {
    Account account = api.newAccount();
    CountDownLatch start = new CountDownLatch(1);
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Response>> answers =
          List.of(
              executor.submit(() -> refreshAfter(start, account.refreshToken())),
              executor.submit(() -> refreshAfter(start, account.refreshToken())),
              executor.submit(() -> refreshAfter(start, account.refreshToken())));
      start.countDown();
      long successes = 0;
      for (Future<Response> answer : answers) {
        int status = answer.get().status();
        assertThat(status).isIn(200, 401);
        successes += status == 200 ? 1 : 0;
      }
      assertThat(successes).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void neverAnswersBadRefreshBodiesWithTokens() {
    String tenKilobytes = "a".repeat(10 * 1024);
    List<String> bodies =
        List.of(
            "null",
            "\"\"",
            "{}",
            "[]",
            "",
            "12345",
            "{\"refreshToken\":null}",
            "{\"refreshToken\":\"\"}",
            "{\"refreshToken\":\"   \"}",
            "{\"refreshToken\":[]}",
            "{\"refreshToken\":{}}",
            "{\"refreshToken\":{\"$ne\":null}}",
            "{\"refreshToken\":12345}",
            "{\"refreshToken\":true}",
            "{\"refreshToken\":\"" + tenKilobytes + "\"}",
            "{\"refreshToken\":\"" + "A".repeat(43) + "\"}",
            "{\"refreshToken\":\"" + "A".repeat(42) + "=\"}");
    for (String body : bodies) {
      Response response = api.post("/api/auth/refresh", body);
      assertThat(response.status()).as(body).isIn(400, 401);
      assertThat(response.raw()).as(body).doesNotContain("accessToken");
      assertThat(response.text("code")).as(body).isNotBlank();
    }
    Response noBodyNoType = api.send(HttpMethod.POST, "/api/auth/refresh", null, null);
    assertThat(noBodyNoType.status()).isIn(400, 401);
  }

  private Response refreshAfter(CountDownLatch start, String token) throws InterruptedException {
    start.await();
    return api.refresh(token);
  }

  private Account loginAgain(Account account) {
    Response login = api.login(account.username(), AuthApi.PASSWORD);
    assertThat(login.status()).isEqualTo(200);
    return new Account(
        account.id(),
        account.username(),
        account.email(),
        login.text("accessToken"),
        login.text("refreshToken"));
  }
}
