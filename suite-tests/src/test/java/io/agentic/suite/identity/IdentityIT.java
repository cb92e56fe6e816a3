package io.agentic.suite.identity;

import static io.agentic.suite.SuiteAccess.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentic.suite.SuiteAccess;
import io.agentic.suite.SuiteAccess.Answer;
import io.agentic.suite.SuiteAccess.Client;
import io.agentic.suite.SuiteAccess.Session;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Identity through the gateway, as an attacker and as a careful client meet it: forged tokens,
 * refresh rotation, logout, API keys and their scopes, roles, forged identity headers, password
 * guessing and hostile bodies. What an admin's role changes and deletions do is in {@link RolesIT};
 * the audit trail of it all in {@link AuditTrailIT}.
 */
class IdentityIT {

  /** One read on every service behind the gateway that needs a token. */
  private static final List<String> ONE_READ_PER_SERVICE =
      List.of("/api/auth/me", "/api/workflows", "/api/executions", "/api/ai/providers");

  private final Client gateway = SuiteAccess.client();

  @Test
  void refusesForgedTamperedAndMisaddressedTokensWith401() {
    // given a real user, its real token and the suite's published keys
    Session me = gateway.newUser();
    Answer jwks = gateway.get("/.well-known/jwks.json", null);
    assertThat(jwks.status()).as("%s", jwks).isEqualTo(200);
    JsonNode keys = jwks.json().path("keys");
    assertThat(keys.isArray() && !keys.isEmpty()).as("%s", jwks).isTrue();
    String kid = ForgedTokens.headerOf(me.token()).path("kid").asString();
    assertThat(kid).isNotBlank();
    JsonNode jwk = null;
    for (JsonNode key : keys) {
      if (kid.equals(key.path("kid").asString())) {
        jwk = key;
      }
    }
    assertThat(jwk).as("the token's kid %s is in the JWKS %s", kid, jwks).isNotNull();
    assertThat(jwk.has("d")).as("no private part in the JWKS").isFalse();

    ForgedTokens forge = new ForgedTokens();
    ObjectNode claims = ForgedTokens.claims(me.userId(), me.username());
    ObjectNode tamperedClaims = ForgedTokens.claimsOf(me.token());
    tamperedClaims.put("role", "admin");
    ObjectNode expired = claims.deepCopy();
    expired.put("iat", claims.path("iat").asLong() - 3600);
    expired.put("exp", claims.path("iat").asLong() - 1800);
    ObjectNode wrongIssuer = claims.deepCopy().put("iss", "someone-else");
    ObjectNode wrongAudience = claims.deepCopy();
    wrongAudience.putArray("aud").add("another-api");

    Map<String, String> forged =
        Map.of(
            "tampered payload (real signature)",
            ForgedTokens.withClaimsReplaced(me.token(), tamperedClaims),
            "tampered signature",
            flipLastSignatureChar(me.token()),
            "alg none",
            ForgedTokens.unsigned(claims, kid),
            "HS256 keyed with the JWKS key (JSON)",
            ForgedTokens.hs256(claims, kid, jwk.toString().getBytes(StandardCharsets.UTF_8)),
            "HS256 keyed with the public key (PEM)",
            ForgedTokens.hs256(
                claims, kid, ForgedTokens.pem(jwk).getBytes(StandardCharsets.US_ASCII)),
            "expired",
            forge.es256(ForgedTokens.header("ES256", kid), expired),
            "wrong issuer",
            forge.es256(ForgedTokens.header("ES256", kid), wrongIssuer),
            "wrong audience",
            forge.es256(ForgedTokens.header("ES256", kid), wrongAudience),
            "unknown kid",
            forge.es256(ForgedTokens.header("ES256", "unknown-" + UUID.randomUUID()), claims));

    // when each is presented, then 401 as a problem, on the gateway and every service behind it
    forged.forEach(
        (what, token) -> {
          for (String path : ONE_READ_PER_SERVICE) {
            Answer answer = gateway.get(path, token);
            assertThat(answer.status()).as("%s on %s: %s", what, path, answer).isEqualTo(401);
            assertProblem(answer, 401, "UNAUTHORIZED");
          }
        });
    // and the real token still works (nothing above was refused for another reason)
    assertThat(gateway.get("/api/auth/me", me.token()).status()).isEqualTo(200);
  }

  @Test
  void rotatesRefreshTokensAndRevokesTheWholeLoginWhenASpentOneIsPresented() {
    // given a login
    Session me = gateway.newUser();

    // when it refreshes once
    Answer first =
        gateway.post("/api/auth/refresh", Map.of("refreshToken", me.refreshToken()), null);
    assertThat(first.status()).as("%s", first).isEqualTo(200);
    String newAccess = first.json().path("accessToken").asString();
    String newRefresh = first.json().path("refreshToken").asString();
    assertThat(newRefresh).isNotBlank().isNotEqualTo(me.refreshToken());
    assertThat(first.json().path("expiresIn").asInt()).isPositive();
    assertThat(first.json().path("user").path("id").asString()).isEqualTo(me.userId());
    assertThat(gateway.get("/api/workflows", newAccess).status()).isEqualTo(200);

    // then the spent token is refused ...
    Answer reuse =
        gateway.post("/api/auth/refresh", Map.of("refreshToken", me.refreshToken()), null);
    assertProblem(reuse, 401, null);

    // ... and every token of that login is revoked, at once, on every service
    assertProblem(
        gateway.post("/api/auth/refresh", Map.of("refreshToken", newRefresh), null), 401, null);
    for (String path : ONE_READ_PER_SERVICE) {
      assertProblem(gateway.get(path, newAccess), 401, "UNAUTHORIZED");
      assertProblem(gateway.get(path, me.token()), 401, "UNAUTHORIZED");
    }

    // while a fresh login of the same user works
    Answer again = gateway.login(me.email(), me.password());
    assertThat(again.status()).as("%s", again).isEqualTo(200);
    assertThat(gateway.get("/api/auth/me", again.json().path("accessToken").asString()).status())
        .isEqualTo(200);
  }

  @Test
  void logoutStopsTheAccessTokenOnEveryServiceAtOnce() {
    // given a login whose token works everywhere
    Session me = gateway.newUser();
    for (String path : ONE_READ_PER_SERVICE) {
      Answer before = gateway.get(path, me.token());
      assertThat(before.status()).as("before logout %s: %s", path, before).isEqualTo(200);
    }

    // when it logs out
    Answer logout =
        gateway.post("/api/auth/logout", Map.of("refreshToken", me.refreshToken()), me.token());
    assertThat(logout.status()).as("%s", logout).isEqualTo(204);

    // then the very next request with the same token is refused, on every service
    for (String path : ONE_READ_PER_SERVICE) {
      assertProblem(gateway.get(path, me.token()), 401, "UNAUTHORIZED");
    }
    // and so is the refresh token
    assertProblem(
        gateway.post("/api/auth/refresh", Map.of("refreshToken", me.refreshToken()), null),
        401,
        null);
  }

  @Test
  void anApiKeyWorksUntilDeletedAndThenStopsWithinASecond() {
    // given a key with the default scopes
    Session me = gateway.newUser();
    Answer created =
        gateway.post("/api/auth/api-keys", Map.of("name", "ci " + me.username()), me.token());
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String key = created.json().path("key").asString();
    String keyId = created.json().path("id").asString();
    assertThat(key).startsWith("agk_");
    assertThat(created.json().path("prefix").asString()).isNotBlank();
    assertThat(key).startsWith(created.json().path("prefix").asString());

    // when it is used to list workflows, then it works as its owner
    Answer listed = gateway.call("GET", "/api/workflows").header("X-API-Key", key).send();
    assertThat(listed.status()).as("%s", listed).isEqualTo(200);
    assertThat(listed.json().path("items").isArray()).isTrue();
    Answer made =
        gateway
            .call("POST", "/api/workflows")
            .header("X-API-Key", key)
            .json(minimalWorkflow("by key"))
            .send();
    assertThat(made.status()).as("%s", made).isEqualTo(201);
    assertThat(made.json().path("ownerId").asString()).isEqualTo(me.userId());

    // and the key list never shows the secret
    Answer keys = gateway.get("/api/auth/api-keys", me.token());
    assertThat(keys.status()).as("%s", keys).isEqualTo(200);
    assertThat(keys.body()).contains(keyId).doesNotContain(key);

    // when it is deleted
    Answer deleted = gateway.delete("/api/auth/api-keys/" + keyId, me.token());
    assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);

    // then it stops working within a second (the gateway had a cached token for it)
    await()
        .atMost(Duration.ofSeconds(1))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () ->
                assertProblem(
                    gateway.call("GET", "/api/workflows").header("X-API-Key", key).send(),
                    401,
                    null));
  }

  @Test
  void anApiKeyMayDoOnlyWhatItsScopesCover() {
    // given a read-only key
    Session me = gateway.newUser();
    Answer created =
        gateway.post(
            "/api/auth/api-keys",
            Map.of("name", "reader", "scopes", List.of("workflows:read")),
            me.token());
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String key = created.json().path("key").asString();

    // when it reads, then it may
    assertThat(gateway.call("GET", "/api/workflows").header("X-API-Key", key).send().status())
        .isEqualTo(200);

    // when it writes a workflow, starts an execution or manages keys, then 403 INSUFFICIENT_SCOPE
    assertProblem(
        gateway
            .call("POST", "/api/workflows")
            .header("X-API-Key", key)
            .json(minimalWorkflow("not allowed"))
            .send(),
        403,
        "INSUFFICIENT_SCOPE");
    assertProblem(
        gateway
            .call("POST", "/api/executions")
            .header("X-API-Key", key)
            .json(Map.of("workflowId", UUID.randomUUID().toString(), "inputs", Map.of()))
            .send(),
        403,
        "INSUFFICIENT_SCOPE");
    assertProblem(
        gateway
            .call("POST", "/api/auth/api-keys")
            .header("X-API-Key", key)
            .json(Map.of("name", "escalated"))
            .send(),
        403,
        "INSUFFICIENT_SCOPE");
  }

  @Test
  void ignoresARoleSentAtRegistration() {
    // given a newcomer who asks to be an admin
    String name = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    String password = "correct horse battery " + name;
    Answer registered =
        gateway.post(
            "/api/auth/register",
            Map.of(
                "username",
                name,
                "email",
                name + "@example.com",
                "password",
                password,
                "role",
                "admin"),
            null);

    // then it is a plain user, with no admin powers
    assertThat(registered.status()).as("%s", registered).isEqualTo(201);
    assertThat(registered.json().path("user").path("role").asString()).isEqualTo("user");
    String token = registered.json().path("accessToken").asString();
    assertThat(ForgedTokens.claimsOf(token).path("role").asString()).isEqualTo("user");
    Answer me = gateway.get("/api/auth/me", token);
    assertThat(me.json().path("role").asString()).as("%s", me).isEqualTo("user");
    assertThat(me.body()).doesNotContainIgnoringCase("hash").doesNotContain(password);
    assertProblem(gateway.get("/api/workflows/analytics/summary", token), 403, null);
    assertProblem(gateway.get("/api/dashboard/overview", token), 403, null);
  }

  @Test
  void aNonAdminCannotSetRoles() {
    Session me = gateway.newUser();
    Session other = gateway.newUser();

    assertProblem(
        gateway.put(
            "/api/auth/users/" + other.userId() + "/role", Map.of("role", "viewer"), me.token()),
        403,
        null);
    assertProblem(
        gateway.put(
            "/api/auth/users/" + me.userId() + "/role", Map.of("role", "admin"), me.token()),
        403,
        null);
    assertProblem(gateway.delete("/api/auth/users/" + other.userId(), me.token()), 403, null);

    // and nothing changed
    assertThat(gateway.get("/api/auth/me", other.token()).json().path("role").asString())
        .isEqualTo("user");
    Answer mine = gateway.get("/api/auth/me", me.token());
    assertThat(mine.json().path("role").asString()).as("%s", mine).isEqualTo("user");
  }

  @Test
  void ignoresIdentityHeadersSentByTheClient() {
    // given someone's private workflow
    Session owner = gateway.newUser();
    Session intruder = gateway.newUser();
    Answer created = gateway.post("/api/workflows", minimalWorkflow("private"), owner.token());
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String id = created.json().path("id").asString();

    // when another user claims to be the owner, or an admin, through headers
    Answer read =
        gateway
            .call("GET", "/api/workflows/" + id)
            .token(intruder.token())
            .header("X-User-Id", owner.userId())
            .header("X-User-Roles", "admin")
            .header("X-User-Role", "admin")
            .header("X-User-Name", owner.username())
            .send();
    Answer who =
        gateway
            .call("GET", "/api/auth/me")
            .token(intruder.token())
            .header("X-User-Id", owner.userId())
            .header("X-User-Roles", "admin")
            .send();
    Answer anonymous =
        gateway
            .call("GET", "/api/workflows/" + id)
            .header("X-User-Id", owner.userId())
            .header("X-User-Roles", "admin")
            .send();

    // then the headers count for nothing
    assertProblem(read, 404, "NOT_FOUND");
    assertThat(who.status()).as("%s", who).isEqualTo(200);
    assertThat(who.json().path("id").asString()).isEqualTo(intruder.userId());
    assertThat(who.json().path("role").asString()).isEqualTo("user");
    assertProblem(anonymous, 401, "UNAUTHORIZED");
  }

  @Test
  void refusesAQueryOperatorInPlaceOfALogin() {
    Session me = gateway.newUser();
    String operator =
        "{\"login\": {\"$ne\": null}, \"password\": {\"$ne\": null}}".replace(" ", "");
    String operatorLogin =
        "{\"login\": {\"$regex\": \".*\"}, \"password\": \"" + me.password() + "\"}";

    assertProblem(gateway.call("POST", "/api/auth/login").json(operator).send(), 400, null);
    assertProblem(gateway.call("POST", "/api/auth/login").json(operatorLogin).send(), 400, null);
    // and the account is not locked by it
    assertThat(gateway.login(me.username(), me.password()).status()).isEqualTo(200);
  }

  @Test
  void limitsPasswordGuessingOnOneAccountWithoutLockingOthersOut() {
    // given a victim and a bystander signing in from the same address
    Session victim = gateway.newUser();
    Session bystander = gateway.newUser();

    // when five wrong passwords are tried for the victim, each is an ordinary 401
    for (int i = 0; i < 5; i++) {
      assertProblem(gateway.login(victim.email(), "wrong password " + i), 401, null);
    }

    // then the sixth attempt, even with the right password, is rate limited
    Answer sixth = gateway.login(victim.email(), victim.password());
    assertProblem(sixth, 429, "RATE_LIMITED");
    assertThat(sixth.header("Retry-After")).as("%s", sixth.raw().headers()).isNotBlank();
    assertThat(Long.parseLong(sixth.header("Retry-After"))).isPositive();

    // while another account still signs in from the same address
    Answer other = gateway.login(bystander.email(), bystander.password());
    assertThat(other.status()).as("%s", other).isEqualTo(200);
  }

  @Test
  void limitsGuessingFromOneAddressWhileTheOwnerStillSignsInFromAnother() throws Exception {
    // given a victim, and someone at another address (127.0.0.2) guessing its password
    Session victim = gateway.newUser();
    Client guesser = SuiteAccess.clientFrom(InetAddress.getByName("127.0.0.2"));
    for (int i = 0; i < 5; i++) {
      assertProblem(guesser.login(victim.email(), "wrong password " + i), 401, null);
    }

    // when the guesser tries the right password, then that account and address are limited
    Answer guessed = guesser.login(victim.email(), victim.password());
    assertProblem(guessed, 429, "RATE_LIMITED");
    assertThat(Long.parseLong(guessed.header("Retry-After"))).isPositive();
    assertThat(guessed.body()).doesNotContain("accessToken");

    // while the owner signs in from its own address (the per-address counts are apart) ...
    Answer owner = gateway.login(victim.email(), victim.password());
    assertThat(owner.status()).as("%s", owner).isEqualTo(200);
    // ... and the guesser's address is not locked out of other accounts by five failures
    Session other = gateway.newUser();
    Answer otherFromThere = guesser.login(other.email(), other.password());
    assertThat(otherFromThere.status()).as("%s", otherFromThere).isEqualTo(200);
  }

  @Test
  void refusesABodyOverOneMebibyteWith413() {
    Session me = gateway.newUser();
    String big = "{\"name\": \"" + "x".repeat(1024 * 1024 + 16) + "\"}";

    assertProblem(
        gateway.call("POST", "/api/workflows").token(me.token()).json(big).send(),
        413,
        "PAYLOAD_TOO_LARGE");
    assertProblem(
        gateway.call("POST", "/api/auth/register").json(big).send(), 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void refusesAWrongContentTypeWith415() {
    Session me = gateway.newUser();

    assertProblem(
        gateway
            .call("POST", "/api/workflows")
            .token(me.token())
            .raw(SuiteAccess.JSON.writeValueAsString(minimalWorkflow("text")), "text/plain")
            .send(),
        415,
        null);
    assertProblem(
        gateway
            .call("POST", "/api/auth/login")
            .raw("login=a&password=b", "application/x-www-form-urlencoded")
            .send(),
        415,
        null);
  }

  @Test
  void refusesDeeplyNestedJsonWith400() {
    Session me = gateway.newUser();
    String nested = "[".repeat(2000) + "]".repeat(2000);
    String inField = "{\"name\": \"deep\", \"tags\": " + nested + "}";
    String objects = "{\"a\":".repeat(2000) + "1" + "}".repeat(2000);

    assertProblem(
        gateway.call("POST", "/api/workflows").token(me.token()).json(inField).send(), 400, null);
    assertProblem(
        gateway.call("POST", "/api/workflows").token(me.token()).json(objects).send(), 400, null);
    assertProblem(gateway.call("POST", "/api/auth/register").json(objects).send(), 400, null);
    assertProblem(gateway.call("POST", "/api/auth/login").json(inField).send(), 400, null);
  }

  @Test
  void echoesTheClientsRequestIdOnErrors() {
    String requestId = "req-" + UUID.randomUUID();

    Answer answer = gateway.call("GET", "/api/workflows").header("X-Request-Id", requestId).send();

    assertProblem(answer, 401, "UNAUTHORIZED");
    assertThat(answer.header("X-Request-Id")).isEqualTo(requestId);
    assertThat(answer.json().path("type").asString()).isNotBlank();
    assertThat(answer.json().path("title").asString()).isNotBlank();
  }

  static Map<String, Object> minimalWorkflow(String name) {
    return Map.of(
        "name",
        name,
        "nodes",
        List.of(
            Map.of("id", "in", "type", "INPUT", "data", Map.of()),
            Map.of("id", "out", "type", "OUTPUT", "data", Map.of("value", "inputs"))),
        "edges",
        List.of(Map.of("source", "in", "target", "out")));
  }

  private static String flipLastSignatureChar(String token) {
    // the last base64url char of a 64-byte signature carries only 4 significant bits: change a
    // char in the middle instead so the decoded signature really differs
    int at = token.lastIndexOf('.') + 10;
    char c = token.charAt(at);
    return token.substring(0, at) + (c == 'A' ? 'B' : 'A') + token.substring(at + 1);
  }
}
