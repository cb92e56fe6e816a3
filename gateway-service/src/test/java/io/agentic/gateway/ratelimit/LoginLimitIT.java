package io.agentic.gateway.ratelimit;

import static io.agentic.gateway.GatewayClient.assertProblem;
import static io.agentic.gateway.GatewayClient.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.gateway.FakeLogins;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Limits: 5 failures per account and address (15 min), 8 per account, 20 per address (1 min). */
class LoginLimitIT extends LimitsIntegrationTest {

  static final String LOGIN = "/api/auth/login";

  @Test
  void refusesTheSixthAttemptOnAnAccountFromOneAddressButNotFromAnother() {
    // given five failed sign-ins for one account from one address
    String account = freshAccount();
    String attacker = freshAddress();
    for (int i = 0; i < 5; i++) {
      assertThat(login(attacker, account, FakeLogins.WRONG_PASSWORD).statusCode())
          .as("attempt %d", i + 1)
          .isEqualTo(401);
    }
    int reachedAuth = AUTH.count(LOGIN);

    // when
    HttpResponse<byte[]> sixth = login(attacker, account, FakeLogins.WRONG_PASSWORD);
    HttpResponse<byte[]> rightPassword = login(attacker, account, FakeLogins.RIGHT_PASSWORD);
    HttpResponse<byte[]> owner = login(freshAddress(), account, FakeLogins.RIGHT_PASSWORD);

    // then the sixth and even the right password are refused before auth-service hashes anything
    assertProblem(sixth, 429, "RATE_LIMITED");
    assertThat(header(sixth, "Retry-After"))
        .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(14 * 60L, 15 * 60L));
    assertProblem(rightPassword, 429, "RATE_LIMITED");
    // while the account's owner still signs in from elsewhere
    assertThat(owner.statusCode()).isEqualTo(200);
    assertThat(AUTH.count(LOGIN)).isEqualTo(reachedAuth + 1);
  }

  @Test
  void matchesAccountsWithoutRegardToCase() {
    String account = freshAccount();
    String address = freshAddress();
    for (int i = 0; i < 5; i++) {
      login(address, i % 2 == 0 ? account : account.toUpperCase(), FakeLogins.WRONG_PASSWORD);
    }

    assertProblem(login(address, " " + account.toUpperCase(), "x"), 429, "RATE_LIMITED");
  }

  @Test
  void aSuccessClearsTheAccountAndAddressCount() {
    String account = freshAccount();
    String address = freshAddress();
    for (int i = 0; i < 4; i++) {
      login(address, account, FakeLogins.WRONG_PASSWORD);
    }
    assertThat(login(address, account, FakeLogins.RIGHT_PASSWORD).statusCode()).isEqualTo(200);
    for (int i = 0; i < 2; i++) {
      assertThat(login(address, account, FakeLogins.WRONG_PASSWORD).statusCode()).isEqualTo(401);
    }

    // 6 failures from here in all, but only 2 since the success
    assertThat(login(address, account, FakeLogins.RIGHT_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void capsFailuresPerAccountFromEveryAddress() {
    // given 8 failures for one account, spread over addresses
    String account = freshAccount();
    for (int i = 0; i < 8; i++) {
      assertThat(login(freshAddress(), account, FakeLogins.WRONG_PASSWORD).statusCode())
          .isEqualTo(401);
    }

    // then nobody signs in to it for a while, wherever from
    assertProblem(login(freshAddress(), account, FakeLogins.RIGHT_PASSWORD), 429, "RATE_LIMITED");
    assertThat(login(freshAddress(), freshAccount(), FakeLogins.RIGHT_PASSWORD).statusCode())
        .isEqualTo(200);
  }

  @Test
  void capsFailuresPerAddressWhateverTheAccount() {
    // given 20 failures from one address, each for another account
    String address = freshAddress();
    for (int i = 0; i < 20; i++) {
      assertThat(login(address, freshAccount(), FakeLogins.WRONG_PASSWORD).statusCode())
          .as("attempt %d", i + 1)
          .isEqualTo(401);
    }

    // then that address may not try any account, even a body without a login
    assertProblem(login(address, freshAccount(), FakeLogins.RIGHT_PASSWORD), 429, "RATE_LIMITED");
    assertProblem(
        gateway.send(
            from(address, LOGIN)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("not json"))),
        429,
        "RATE_LIMITED");
    assertThat(login(freshAddress(), freshAccount(), FakeLogins.RIGHT_PASSWORD).statusCode())
        .isEqualTo(200);
  }

  @Test
  void forwardsTheBodyUnchanged() {
    String account = freshAccount();

    HttpResponse<byte[]> response = login(freshAddress(), account, FakeLogins.RIGHT_PASSWORD);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(AUTH.received(LOGIN).orElseThrow().body())
        .isEqualTo(FakeLogins.body(account, FakeLogins.RIGHT_PASSWORD));
  }

  private HttpResponse<byte[]> login(String address, String account, String password) {
    return gateway.send(
        from(address, LOGIN)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(FakeLogins.body(account, password))));
  }

  private static String freshAccount() {
    return "user-" + UUID.randomUUID() + "@example.test";
  }
}
