package io.agentic.auth.apikey;

import static io.agentic.auth.AuthApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.agentic.auth.AuthApi;
import io.agentic.auth.AuthApi.Account;
import io.agentic.auth.AuthApi.Response;
import io.agentic.auth.AuthServiceIntegrationTest;
import io.agentic.platform.security.TokenDenyList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

@AuthServiceIntegrationTest
class ApiKeysIT {

  static final String SECRET = AuthServiceIntegrationTest.GATEWAY_SECRET;

  @LocalServerPort int port;

  @Autowired StringRedisTemplate redis;
  @Autowired MongoTemplate mongo;

  AuthApi api;
  Account owner;

  @BeforeEach
  void client() {
    api = new AuthApi(port);
    owner = api.newAccount();
  }

  @Test
  void createsAKeyShownOnlyOnceWithEveryScopeByDefault() {
    // when
    Response created = api.createKey(owner.accessToken(), "  ci pipeline ", null);

    // then
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    assertThat(created.headers().getCacheControl()).contains("no-store");
    JsonNode body = created.json();
    String id = body.path("id").asString();
    assertThat(body.path("name").asString()).isEqualTo("ci pipeline");
    assertThat(body.path("prefix").asString()).isEqualTo("agk_" + id);
    assertThat(body.path("key").asString()).matches("agk_" + id + "_[0-9A-Za-z]{43}");
    assertThat(body.path("scopes").valueStream().map(JsonNode::asString))
        .containsExactly("workflows:read", "workflows:write", "executions:run", "ai:use");
    assertThat(body.path("createdAt").asString()).isNotBlank();
    // only an HMAC of the secret is stored
    String secret = body.path("key").asString().substring(("agk_" + id + "_").length());
    ApiKey stored = mongo.findById(id, ApiKey.class);
    assertThat(stored).isNotNull();
    assertThat(stored.secretHash()).hasSize(64).doesNotContain(secret);
    assertThat(mongo.getCollection(ApiKey.COLLECTION).find().first().toJson())
        .doesNotContain(secret);
  }

  @Test
  void listsTheCallersKeysWithoutSecrets() {
    // given
    Response first = api.createKey(owner.accessToken(), "first", List.of("workflows:read"));
    Response second = api.createKey(owner.accessToken(), "second", null);
    api.createKey(api.newAccount().accessToken(), "someone else's", null);

    // when
    Response list = api.get("/api/auth/api-keys", owner.accessToken());

    // then
    assertThat(list.status()).isEqualTo(200);
    JsonNode body = list.json();
    assertThat(body.path("total").asLong()).isEqualTo(2);
    assertThat(body.path("page").asInt()).isZero();
    assertThat(body.path("size").asInt()).isEqualTo(20);
    assertThat(body.path("items").valueStream().map(k -> k.path("id").asString()))
        .containsExactlyInAnyOrder(first.text("id"), second.text("id"));
    JsonNode item = body.path("items").get(0);
    assertThat(item.propertyNames())
        .containsExactlyInAnyOrder("id", "name", "prefix", "scopes", "createdAt", "lastUsedAt");
    assertThat(list.raw())
        .doesNotContain(first.text("key"))
        .doesNotContain(second.text("key"))
        .doesNotContainIgnoringCase("hash");
  }

  @Test
  void rejectsBadScopesAndNames() {
    String token = owner.accessToken();

    assertProblem(api.createKey(token, "k", List.of("workflows:admin")), 400, "VALIDATION_FAILED");
    assertProblem(api.createKey(token, "k", List.of()), 400, "VALIDATION_FAILED");
    assertProblem(api.createKey(token, "k", List.of("WORKFLOWS:READ")), 400, "VALIDATION_FAILED");
    assertProblem(
        api.post("/api/auth/api-keys", "{\"name\":\"k\",\"scopes\":\"ai:use\"}", token),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        api.post("/api/auth/api-keys", "{\"name\":\"k\",\"scopes\":[null]}", token),
        400,
        "VALIDATION_FAILED");
    assertProblem(api.post("/api/auth/api-keys", "{}", token), 400, "VALIDATION_FAILED");
    assertProblem(api.createKey(token, "   ", null), 400, "VALIDATION_FAILED");
    assertProblem(api.createKey(token, "x".repeat(101), null), 400, "VALIDATION_FAILED");
    assertProblem(api.createKey(token, "bad\nname", null), 400, "VALIDATION_FAILED");
    assertProblem(
        api.post("/api/auth/api-keys", "{\"name\":\"k\",\"userId\":\"someone\"}", token),
        400,
        "VALIDATION_FAILED");
    Response scopes = api.createKey(token, "k", List.of("nope"));
    assertThat(scopes.json().path("errors").get(0).path("field").asString()).isEqualTo("scopes");
    assertThat(api.get("/api/auth/api-keys", token).json().path("total").asLong()).isZero();
  }

  @Test
  void letsAViewerCreateReadOnlyKeysOnly() {
    // given
    String admin =
        api.login(AuthServiceIntegrationTest.ADMIN_EMAIL, AuthServiceIntegrationTest.ADMIN_PASSWORD)
            .text("accessToken");
    api.put("/api/auth/users/" + owner.id() + "/role", "{\"role\":\"viewer\"}", admin);
    String viewer = api.login(owner.username(), AuthApi.PASSWORD).text("accessToken");

    // when
    Response defaulted = api.createKey(viewer, "reader", null);
    Response explicit = api.createKey(viewer, "reader", List.of("workflows:read"));

    // then
    assertThat(defaulted.status()).isEqualTo(201);
    assertThat(defaulted.json().path("scopes").valueStream().map(JsonNode::asString))
        .containsExactly("workflows:read");
    assertThat(explicit.status()).isEqualTo(201);
    assertProblem(api.createKey(viewer, "w", List.of("workflows:write")), 403, "FORBIDDEN");
    assertProblem(
        api.createKey(viewer, "w", List.of("workflows:read", "ai:use")), 403, "FORBIDDEN");
    assertThat(api.get("/api/auth/api-keys", viewer).json().path("total").asLong()).isEqualTo(2);
  }

  @Test
  void rejectsBadPagingAndAnonymousCalls() {
    assertProblem(
        api.get("/api/auth/api-keys?size=101", owner.accessToken()), 400, "VALIDATION_FAILED");
    assertProblem(
        api.get("/api/auth/api-keys?page=-1", owner.accessToken()), 400, "VALIDATION_FAILED");
    assertProblem(api.get("/api/auth/api-keys", null), 401, "UNAUTHORIZED");
    assertProblem(api.createKey(null, "k", null), 401, "UNAUTHORIZED");
    assertProblem(api.delete("/api/auth/api-keys/abc", null), 401, "UNAUTHORIZED");
  }

  @Test
  void exchangesAKeyForAShortLivedTokenCarryingItsScopes() throws Exception {
    // given
    Response created =
        api.createKey(owner.accessToken(), "reader", List.of("ai:use", "workflows:read"));

    // when
    Response exchanged = api.exchange(created.text("key"), SECRET);

    // then
    assertThat(exchanged.status()).as(exchanged.raw()).isEqualTo(200);
    assertThat(exchanged.headers().getCacheControl()).contains("no-store");
    assertThat(exchanged.json().path("expiresIn").asLong()).isBetween(1L, 300L);
    SignedJWT token = SignedJWT.parse(exchanged.text("accessToken"));
    assertThat(token.getHeader().getKeyID()).isNotBlank();
    JWTClaimsSet claims = token.getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo(owner.id());
    assertThat(claims.getStringClaim("username")).isEqualTo(owner.username());
    assertThat(claims.getStringClaim("role")).isEqualTo("user");
    assertThat(claims.getStringClaim("scope")).isEqualTo("workflows:read ai:use");
    assertThat(claims.getStringClaim("fam")).isEqualTo("key:" + created.text("id"));
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
        .isLessThanOrEqualTo(5 * 60 * 1000L);
    // the token speaks for the key's owner
    assertThat(api.me(exchanged.text("accessToken")).text("id")).isEqualTo(owner.id());
  }

  @Test
  void recordsWhenAKeyWasLastUsed() {
    Response created = api.createKey(owner.accessToken(), "k", null);
    JsonNode before =
        api.get("/api/auth/api-keys", owner.accessToken()).json().at("/items/0/lastUsedAt");
    assertThat(before.isNull()).as("lastUsedAt before any use: %s", before).isTrue();

    api.exchange(created.text("key"), SECRET);

    assertThat(
            api.get("/api/auth/api-keys", owner.accessToken())
                .json()
                .at("/items/0/lastUsedAt")
                .asString())
        .isNotBlank();
  }

  @Test
  void refusesAnExchangeWithoutTheGatewaySecret() {
    String key = api.createKey(owner.accessToken(), "k", null).text("key");

    assertProblem(api.exchange(key, null), 403, "FORBIDDEN");
    assertProblem(api.exchange(key, "not-the-secret"), 403, "FORBIDDEN");
    assertProblem(api.exchange(key, SECRET + "x"), 403, "FORBIDDEN");
  }

  @Test
  void refusesUnknownWrongAndMalformedKeys() {
    String key = api.createKey(owner.accessToken(), "k", null).text("key");
    String wrongSecret = key.substring(0, key.length() - 1) + (key.endsWith("a") ? "b" : "a");
    String unknownId = "agk_000000000000" + key.substring(16);

    for (String bad :
        List.of(wrongSecret, unknownId, "agk_x_y", "' OR '1'='1", ".*", "", key + "x")) {
      assertProblem(api.exchange(bad, SECRET), 401, "INVALID_API_KEY");
    }
    assertProblem(
        api.send(
            HttpMethod.POST,
            "/api/auth/api-keys/exchange",
            "{\"key\":{\"$ne\":null}}",
            null,
            gatewayHeaders()),
        400,
        "VALIDATION_FAILED");
  }

  @Test
  void refusesKeyManagementWithAKeysToken() {
    String key = api.createKey(owner.accessToken(), "k", null).text("key");
    String keyToken = api.exchange(key, SECRET).text("accessToken");

    assertProblem(api.createKey(keyToken, "more", null), 403, "INSUFFICIENT_SCOPE");
    assertProblem(api.get("/api/auth/api-keys", keyToken), 403, "INSUFFICIENT_SCOPE");
  }

  @Test
  void deletingAKeyStopsItAndItsTokensAtOnce() {
    // given
    Response created = api.createKey(owner.accessToken(), "k", null);
    String id = created.text("id");
    String keyToken = api.exchange(created.text("key"), SECRET).text("accessToken");
    assertThat(api.me(keyToken).status()).isEqualTo(200);

    // when
    Response deleted = api.delete("/api/auth/api-keys/" + id, owner.accessToken());

    // then
    assertThat(deleted.status()).isEqualTo(204);
    assertProblem(api.me(keyToken), 401, "UNAUTHORIZED");
    assertProblem(api.exchange(created.text("key"), SECRET), 401, "INVALID_API_KEY");
    Long ttl = redis.getExpire(TokenDenyList.FAMILY_PREFIX + "key:" + id, TimeUnit.SECONDS);
    assertThat(ttl).isGreaterThanOrEqualTo(5 * 60L);
    assertThat(api.get("/api/auth/api-keys", owner.accessToken()).json().path("total").asLong())
        .isZero();
    assertProblem(api.delete("/api/auth/api-keys/" + id, owner.accessToken()), 404, "NOT_FOUND");
  }

  @Test
  void answersNotFoundForAnotherUsersKey() {
    // given
    Account other = api.newAccount();
    Response created = api.createKey(owner.accessToken(), "mine", null);

    // when
    Response deleted = api.delete("/api/auth/api-keys/" + created.text("id"), other.accessToken());

    // then
    assertProblem(deleted, 404, "NOT_FOUND");
    assertProblem(
        api.delete("/api/auth/api-keys/unknownKey01", owner.accessToken()), 404, "NOT_FOUND");
    assertThat(api.exchange(created.text("key"), SECRET).status()).isEqualTo(200);
    assertThat(api.get("/api/auth/api-keys", other.accessToken()).json().path("total").asLong())
        .isZero();
  }

  private static HttpHeaders gatewayHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Gateway-Secret", SECRET);
    return headers;
  }
}
