package io.agentic.gateway.ratelimit;

import static io.agentic.gateway.GatewayClient.assertProblem;
import static io.agentic.gateway.GatewayClient.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.gateway.FakeKeys;
import io.agentic.gateway.Tokens;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RateLimitIT extends LimitsIntegrationTest {

  @Test
  void limitsEachUserWithRetryAfter() {
    // given a user with a burst of 5 and a slow refill
    String user = UUID.randomUUID().toString();
    String token = Tokens.signed(Tokens.KEY, Tokens.claims().subject(user).build());
    String address = freshAddress();
    for (int i = 0; i < 5; i++) {
      assertThat(send(address, token).statusCode()).as("request %d", i + 1).isEqualTo(200);
    }

    // when
    HttpResponse<byte[]> sixth = send(address, token);

    // then
    assertProblem(sixth, 429, "RATE_LIMITED");
    assertThat(header(sixth, "Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
    // another login of the same user shares the budget; another user does not
    String again = Tokens.signed(Tokens.KEY, Tokens.claims().subject(user).build());
    assertProblem(send(address, again), 429, "RATE_LIMITED");
    assertThat(send(address, Tokens.valid()).statusCode()).isEqualTo(200);
  }

  @Test
  void givesEachApiKeyItsOwnBudget() {
    // given a key of a user whose logins have used up their budget
    String user = UUID.randomUUID().toString();
    String login = Tokens.signed(Tokens.KEY, Tokens.claims().subject(user).build());
    String address = freshAddress();
    for (int i = 0; i < 5; i++) {
      send(address, login);
    }
    String key = FakeKeys.newKey(user, "user", "workflows:read");

    // when
    HttpResponse<byte[]> withKey =
        gateway.send(from(address, "/api/workflows").header("X-API-Key", key).GET());

    // then
    assertProblem(send(address, login), 429, "RATE_LIMITED");
    assertThat(withKey.statusCode()).isEqualTo(200);
  }

  @Test
  void limitsEachClientAddressEvenWithoutAToken() {
    // given an address that used its burst of 40
    String address = freshAddress();
    for (int i = 0; i < 40; i++) {
      assertThat(gateway.send(from(address, "/.well-known/jwks.json").GET()).statusCode())
          .as("request %d", i + 1)
          .isEqualTo(200);
    }

    // when
    HttpResponse<byte[]> next = gateway.send(from(address, "/.well-known/jwks.json").GET());

    // then
    assertProblem(next, 429, "RATE_LIMITED");
    assertThat(header(next, "Retry-After")).isPresent();
    assertThat(gateway.send(from(freshAddress(), "/.well-known/jwks.json").GET()).statusCode())
        .isEqualTo(200);
  }

  private HttpResponse<byte[]> send(String address, String token) {
    return gateway.send(
        from(address, "/api/workflows/" + UUID.randomUUID())
            .header("Authorization", "Bearer " + token)
            .GET());
  }
}
