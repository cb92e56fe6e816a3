package io.agentic.gateway.security;

import static io.agentic.gateway.GatewayClient.assertProblem;
import static io.agentic.gateway.GatewayClient.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.gateway.FakeService;
import io.agentic.gateway.GatewayIntegrationTest;
import io.agentic.gateway.Tokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationIT extends GatewayIntegrationTest {

  /** Counts connections: a token header pointing here must never be followed. */
  static final FakeService SENTINEL = FakeService.start("sentinel");

  @AfterAll
  static void stopSentinel() {
    SENTINEL.close();
  }

  static Stream<Arguments> invalidTokens() {
    return Stream.of(
        Arguments.of("tampered signature", Tokens.tampered()),
        Arguments.of("alg none", Tokens.algNone()),
        Arguments.of("HS256 signed with the public key", Tokens.hs256WithPublicKey()),
        Arguments.of("all-zero ES256 signature", Tokens.zeroSignature()),
        Arguments.of("expired", Tokens.expired()),
        Arguments.of("not yet valid", Tokens.notYetValid()),
        Arguments.of("wrong issuer", Tokens.wrongIssuer()),
        Arguments.of("wrong audience", Tokens.wrongAudience()),
        Arguments.of("unknown kid", Tokens.unknownKid()),
        Arguments.of("not a JWT", "abc.def.ghi"),
        Arguments.of("key pasted as token", UUID.randomUUID().toString()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidTokens")
  void refusesAnInvalidToken(String kind, String token) {
    // given
    String path = "/api/workflows/" + UUID.randomUUID();

    // when
    HttpResponse<byte[]> response =
        gateway.send(gateway.request(path).header("Authorization", "Bearer " + token).GET());

    // then
    assertProblem(response, 401, "UNAUTHORIZED");
    assertThat(header(response, "WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    assertThat(WORKFLOW.received(path)).isEmpty();
  }

  @Test
  void refusesARequestWithoutToken() {
    String path = "/api/executions/" + UUID.randomUUID();

    HttpResponse<byte[]> response = gateway.get(path);

    assertProblem(response, 401, "UNAUTHORIZED");
    assertThat(header(response, "WWW-Authenticate")).hasValue("Bearer");
    assertThat(EXECUTION.received(path)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bearer ' OR '1'='1",
        "Bearer ",
        "Basic YWRtaW46YWRtaW4=",
        "Bearer {\"$ne\":null}",
        "bearer"
      })
  void refusesMalformedAuthorizationHeaders(String authorization) {
    String path = "/api/ai/" + UUID.randomUUID();

    HttpResponse<byte[]> response =
        gateway.send(gateway.request(path).header("Authorization", authorization).GET());

    assertProblem(response, 401, "UNAUTHORIZED");
    assertThat(AI_ROUTER.received(path)).isEmpty();
  }

  @Test
  void refusesAnOversizedGarbageToken() {
    String token = "a".repeat(6000);

    HttpResponse<byte[]> response =
        gateway.send(gateway.request("/api/ai/x").header("Authorization", "Bearer " + token).GET());

    assertProblem(response, 401, "UNAUTHORIZED");
  }

  @Test
  void refusesOversizedHeadersBeforeTheyReachAService() {
    // Netty answers this itself (empty 431), before the gateway's filters see the request.
    String path = "/api/ai/" + UUID.randomUUID();

    HttpResponse<byte[]> response =
        gateway.send(
            gateway.request(path).header("Authorization", "Bearer " + "a".repeat(16_000)).GET());

    assertThat(response.statusCode()).isEqualTo(431);
    assertThat(AI_ROUTER.received(path)).isEmpty();
  }

  @Test
  void neverFetchesKeysFromUrlsInTheTokenHeader() {
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .request("/api/workflows/" + UUID.randomUUID())
                .header("Authorization", "Bearer " + Tokens.withKeyUrls(SENTINEL.uri()))
                .GET());

    assertProblem(response, 401, "UNAUTHORIZED");
    assertThat(SENTINEL.requestCount()).isZero();
  }

  @Test
  void refusesSomethingThatIsNotOneOfOurApiKeys() {
    // Not shaped like an agk_ key: refused without asking auth-service (see ApiKeyIT).
    HttpResponse<byte[]> response =
        gateway.send(gateway.request("/api/workflows").header("X-API-Key", "ak_123_secret").GET());

    assertProblem(response, 401, "UNAUTHORIZED");
  }

  @Test
  void servesHealthAndItsOwnMetricsWithoutTokenButNothingElseOfTheActuator() {
    HttpResponse<byte[]> health = gateway.get("/actuator/health");
    assertThat(health.statusCode()).isIn(200, 503);

    // the gateway's own metrics, for a scraper without credentials: never a service's
    HttpResponse<byte[]> metrics = gateway.get("/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(header(metrics, "Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(new String(metrics.body(), StandardCharsets.UTF_8))
        .contains("http_server_requests_seconds_count{")
        .contains("agentic_cache_requests_total{");
    for (FakeService service :
        new FakeService[] {AUTH, WORKFLOW, EXECUTION, AI_ROUTER, ANALYTICS}) {
      assertThat(service.count("/actuator/prometheus")).as(service.name()).isZero();
    }
    assertProblem(
        gateway.send(gateway.request("/actuator/prometheus").DELETE()), 401, "UNAUTHORIZED");
    assertProblem(gateway.get("/actuator/gateway/routes"), 401, "UNAUTHORIZED");
    assertProblem(gateway.getAuthorized("/actuator/gateway/routes"), 404, "NOT_FOUND");
    assertProblem(gateway.getAuthorized("/actuator/env"), 404, "NOT_FOUND");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/workflows;/x",
        "/api/workflows/..;/public",
        "/api/%2e%2e/admin",
        "/api/public/echo/..%2f..%2fworkflows",
        "//api/workflows",
        "/api/public/echo;x=1"
      })
  void refusesPathsThatTryToSlipPastTheRules(String path) {
    // Spring Security's firewall refuses them before any rule is matched.
    assertProblem(gateway.get(path), 400, "REQUEST_REJECTED");
  }
}
