package io.agentic.gateway.apikey;

import static io.agentic.gateway.GatewayClient.assertProblem;
import static io.agentic.gateway.GatewayClient.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import io.agentic.gateway.FakeKeys;
import io.agentic.gateway.FakeService.Received;
import io.agentic.gateway.GatewayIntegrationTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

class ApiKeyIT extends GatewayIntegrationTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Autowired StringRedisTemplate redis;

  @Test
  void exchangesAnApiKeyAndForwardsOnlyTheToken() throws Exception {
    // given
    String key = FakeKeys.newKey();
    String path = "/api/workflows/" + UUID.randomUUID();

    // when
    HttpResponse<byte[]> response =
        gateway.send(gateway.request(path).header("X-API-Key", key).GET());

    // then the service sees a bearer token for the key's owner, never the key
    assertThat(response.statusCode()).isEqualTo(200);
    Received received = WORKFLOW.received(path).orElseThrow();
    assertThat(received.hasHeader("X-API-Key")).isFalse();
    assertThat(received.headers().toString()).doesNotContain(key);
    String token = received.header("Authorization").substring("Bearer ".length());
    JWTClaimsSet claims = JWTParser.parse(token).getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo(FakeKeys.owner(key).userId());
    assertThat(claims.getStringClaim("fam")).isEqualTo("key:" + FakeKeys.owner(key).keyId());
    assertThat(claims.getStringClaim("scope")).isEqualTo("workflows:read workflows:write");
    assertThat(FakeKeys.exchangesOf(key)).isEqualTo(1);
  }

  @Test
  void acceptsAKeyAsTheBearerOnTheOpenAiDoorOnly() {
    String key = FakeKeys.newKey();
    String chat = "/v1/chat/completions-" + UUID.randomUUID();
    String workflows = "/api/workflows/" + UUID.randomUUID();

    HttpResponse<byte[]> onV1 =
        gateway.send(gateway.request(chat).header("Authorization", "Bearer " + key).GET());
    HttpResponse<byte[]> elsewhere =
        gateway.send(gateway.request(workflows).header("Authorization", "Bearer " + key).GET());

    assertThat(onV1.statusCode()).isEqualTo(200);
    assertThat(AI_ROUTER.received(chat).orElseThrow().header("Authorization"))
        .startsWith("Bearer ey")
        .doesNotContain(key);
    assertProblem(elsewhere, 401, "UNAUTHORIZED");
    assertThat(WORKFLOW.received(workflows)).isEmpty();
  }

  @Test
  void reusesTheTokenForTheSameKeyOnly() {
    // given
    String key = FakeKeys.newKey();
    String wrongSecret = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");

    // when
    for (int i = 0; i < 3; i++) {
      assertThat(
              gateway
                  .send(gateway.request("/api/workflows").header("X-API-Key", key).GET())
                  .statusCode())
          .isEqualTo(200);
    }
    HttpResponse<byte[]> impostor =
        gateway.send(gateway.request("/api/workflows").header("X-API-Key", wrongSecret).GET());

    // then one exchange served all three; the same id with another secret is asked about anew
    assertThat(FakeKeys.exchangesOf(key)).isEqualTo(1);
    assertProblem(impostor, 401, "UNAUTHORIZED");
    assertThat(FakeKeys.exchangesOf(wrongSecret)).isEqualTo(1);
  }

  @Test
  void countsEachRequestWithAKeyAsAHitOrAMissOfTheTokenCache() {
    // given the counts so far (the context is shared with the other tests)
    double hits = cacheRequests("hit");
    double misses = cacheRequests("miss");
    String key = FakeKeys.newKey();

    // when a key is used three times
    for (int i = 0; i < 3; i++) {
      assertThat(
              gateway
                  .send(gateway.request("/api/workflows").header("X-API-Key", key).GET())
                  .statusCode())
          .isEqualTo(200);
    }

    // then the first went to auth-service, the other two were served from the cache
    assertThat(cacheRequests("miss")).isEqualTo(misses + 1);
    assertThat(cacheRequests("hit")).isEqualTo(hits + 2);
  }

  @Test
  void exchangesTheKeyWithinTheRequestsTraceAndTimesTheCall() {
    // given a client that starts a trace
    String key = FakeKeys.newKey();
    String traceId = hex(16);
    String traceparent = "00-" + traceId + "-" + hex(8) + "-01";

    // when it uses a key the gateway has not exchanged yet
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .request("/api/workflows/" + UUID.randomUUID())
                .header("X-API-Key", key)
                .header("traceparent", traceparent)
                .GET());

    // then auth-service was asked within the client's trace, and the call was timed
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(AUTH.received(FakeKeys.PATH).orElseThrow().header("traceparent"))
        .startsWith("00-" + traceId + "-");
    assertThat(scrape())
        .containsPattern(
            "gateway_api_key_exchanges_seconds_count\\{[^}]*uri=\"" + FakeKeys.PATH + "\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"$ne\":null}",
        ".*",
        "' OR '1'='1",
        "ak_123_secret",
        "agk_short",
        "agk_abc_def ghi jkl mno pqr"
      })
  void refusesMalformedKeysWithoutAskingAuthService(String key) {
    int before = AUTH.count(FakeKeys.PATH);

    HttpResponse<byte[]> response =
        gateway.send(gateway.request("/api/workflows").header("X-API-Key", key).GET());

    assertProblem(response, 401, "UNAUTHORIZED");
    assertThat(header(response, "WWW-Authenticate")).isPresent();
    assertThat(AUTH.count(FakeKeys.PATH)).isEqualTo(before);
  }

  @Test
  void refusesAnUnknownKeyEveryTimeWithoutCachingTheRefusal() {
    String unknown =
        "agk_000000000000_" + UUID.randomUUID().toString().replace("-", "") + "0123456789a";

    HttpResponse<byte[]> first =
        gateway.send(gateway.request("/api/executions/x").header("X-API-Key", unknown).GET());
    HttpResponse<byte[]> second =
        gateway.send(gateway.request("/api/executions/x").header("X-API-Key", unknown).GET());

    assertProblem(first, 401, "UNAUTHORIZED");
    assertProblem(second, 401, "UNAUTHORIZED");
    assertThat(FakeKeys.exchangesOf(unknown)).isEqualTo(2);
    assertThat(EXECUTION.received("/api/executions/x")).isEmpty();
  }

  @Test
  void aDeletedKeyStopsWithinASecond() {
    // given a key whose token the gateway has cached
    String key = FakeKeys.newKey();
    assertThat(
            gateway
                .send(gateway.request("/api/workflows").header("X-API-Key", key).GET())
                .statusCode())
        .isEqualTo(200);

    // when auth-service deletes it: the key is gone and its family denied
    String keyId = FakeKeys.owner(key).keyId();
    FakeKeys.delete(key);
    redis.opsForValue().set("auth:deny:fam:key:" + keyId, "1", Duration.ofMinutes(16));
    long deletedAt = System.nanoTime();
    HttpResponse<byte[]> after =
        gateway.send(gateway.request("/api/workflows").header("X-API-Key", key).GET());

    // then
    assertProblem(after, 401, "UNAUTHORIZED");
    assertThat(Duration.ofNanos(System.nanoTime() - deletedAt)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void getsANewTokenWhenTheCachedOneWasRevoked() throws Exception {
    // given a cached token for a key (its owner's role is about to change)
    String key = FakeKeys.newKey();
    String path = "/api/workflows/" + UUID.randomUUID();
    gateway.send(gateway.request(path).header("X-API-Key", key).GET());
    String first = WORKFLOW.received(path).orElseThrow().header("Authorization").substring(7);

    // when auth-service denies that token (role change) but the key lives on
    String jti = JWTParser.parse(first).getJWTClaimsSet().getJWTID();
    redis.opsForValue().set("auth:deny:jti:" + jti, "1", Duration.ofMinutes(6));
    HttpResponse<byte[]> response =
        gateway.send(gateway.request(path).header("X-API-Key", key).GET());

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    String second = WORKFLOW.received(path).orElseThrow().header("Authorization").substring(7);
    assertThat(second).isNotEqualTo(first);
    assertThat(FakeKeys.exchangesOf(key)).isEqualTo(2);
  }

  @Test
  void answersServiceUnavailableWhenAuthServiceCannotExchange() {
    String key = FakeKeys.failingKey(500);

    HttpResponse<byte[]> response =
        gateway.send(gateway.request("/api/workflows").header("X-API-Key", key).GET());

    assertProblem(response, 503, "SERVICE_UNAVAILABLE");
    assertThat(header(response, "Retry-After")).isPresent();
  }

  @Test
  void neverRoutesClientsToTheExchange() {
    int before = AUTH.count(FakeKeys.PATH);

    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .authorized(FakeKeys.PATH)
                .header("X-Gateway-Secret", FakeKeys.GATEWAY_SECRET)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"key\":\"agk_x\"}")));

    assertProblem(response, 404, "NOT_FOUND");
    assertThat(AUTH.count(FakeKeys.PATH)).isEqualTo(before);
  }

  @Test
  void neverPassesAClientsGatewaySecretOn() {
    String path = "/api/auth/me-" + UUID.randomUUID();

    gateway.send(gateway.authorized(path).header("X-Gateway-Secret", "guess").GET());

    assertThat(AUTH.received(path).orElseThrow().hasHeader("X-Gateway-Secret")).isFalse();
  }

  @Test
  void ignoresKeysOnPublicPaths() {
    String key = FakeKeys.newKey();

    HttpResponse<byte[]> response =
        gateway.send(gateway.request("/.well-known/jwks.json").header("X-API-Key", key).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(FakeKeys.exchangesOf(key)).isZero();
  }

  /**
   * {@code agentic_cache_requests_total{cache="api-key",result=...}}, from the gateway's scrape.
   */
  private double cacheRequests(String result) {
    return scrape()
        .lines()
        .filter(line -> line.startsWith("agentic_cache_requests_total{"))
        .filter(line -> line.contains("cache=\"api-key\""))
        .filter(line -> line.contains("result=\"" + result + "\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private String scrape() {
    HttpResponse<byte[]> metrics = gateway.get("/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    return new String(metrics.body(), StandardCharsets.UTF_8);
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
