package io.agentic.auth.apikey;

import static io.agentic.auth.AuthApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.agentic.auth.AuthApi;
import io.agentic.auth.AuthApi.Account;
import io.agentic.auth.AuthApi.Response;
import io.agentic.auth.AuthServiceIntegrationTest;
import io.agentic.auth.AuthServiceWithoutRedis;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.security.CurrentUser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * API keys while Redis is down: a key whose deletion cannot deny its tokens is not deleted, and no
 * key is exchanged for a token that could not be revoked later. The platform's filter already
 * refuses the DELETE request; the service's own order of writes is checked too, for a Redis that
 * fails between that check and the deletion.
 */
@AuthServiceWithoutRedis
class ApiKeysWithoutRedisIT {

  @LocalServerPort int port;

  @Autowired ApiKeys keys;

  AuthApi api;
  Account owner;
  CreatedApiKey key;

  @BeforeEach
  void keyOfAFreshUser() {
    api = new AuthApi(port);
    owner = api.newAccount();
    // creating a key needs no Redis, but its request (a POST) is refused by the filter: make it
    // here
    key =
        keys.create(
            new CurrentUser(owner.id(), owner.username(), CurrentUser.USER, Set.of(), "jti"),
            new CreateApiKeyRequest("while redis is down", null));
  }

  @Test
  void refusesToDeleteAKeyWhoseTokensItCannotDeny() {
    // when the owner deletes it, and when the deletion gets past the filter
    Response deleted = api.delete("/api/auth/api-keys/" + key.id(), owner.accessToken());
    ApiException refused =
        catchThrowableOfType(ApiException.class, () -> keys.delete(owner.id(), key.id()));

    // then 503 with Retry-After either way, and the key is still there to delete on a retry
    assertProblem(deleted, 503, "SERVICE_UNAVAILABLE");
    assertThat(deleted.headers().getFirst("Retry-After")).isNotBlank();
    assertUnavailable(refused);
    assertThat(listedIds()).contains(key.id());
  }

  @Test
  void refusesToDeleteAnAccountsKeysWhoseTokensItCannotDeny() {
    ApiException refused =
        catchThrowableOfType(ApiException.class, () -> keys.deleteAllOf(owner.id()));

    assertUnavailable(refused);
    assertThat(listedIds()).contains(key.id());
  }

  @Test
  void exchangesNoKeyForATokenItCouldNotRevoke() {
    Response exchange = api.exchange(key.key(), AuthServiceIntegrationTest.GATEWAY_SECRET);

    assertProblem(exchange, 503, "SERVICE_UNAVAILABLE");
    assertThat(exchange.raw()).doesNotContain("accessToken");
  }

  private List<String> listedIds() {
    Response listed = api.get("/api/auth/api-keys", owner.accessToken());
    assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
    return listed.json().path("items").valueStream().map(k -> k.path("id").asString()).toList();
  }

  static void assertUnavailable(ApiException e) {
    assertThat(e).isNotNull();
    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(e.code()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(e.headers().getFirst("Retry-After")).isEqualTo("5");
  }
}
