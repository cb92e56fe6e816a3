package io.agentic.gateway.routing;

import static io.agentic.gateway.GatewayClient.assertProblem;
import static io.agentic.gateway.GatewayClient.header;
import static io.agentic.gateway.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.gateway.FakeService;
import io.agentic.gateway.FakeService.Received;
import io.agentic.gateway.GatewayIntegrationTest;
import io.agentic.gateway.Tokens;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoutingIT extends GatewayIntegrationTest {

  static Stream<Arguments> prefixes() {
    return Stream.of(
        Arguments.of("/api/auth/me", AUTH),
        Arguments.of("/api/workflows/", WORKFLOW),
        Arguments.of("/api/templates/", WORKFLOW),
        Arguments.of("/api/executions/", EXECUTION),
        Arguments.of("/api/ai/", AI_ROUTER),
        Arguments.of("/v1/", AI_ROUTER),
        Arguments.of("/api/dashboard/", ANALYTICS));
  }

  // The fakes are AutoCloseable: JUnit would close them after each invocation.
  @ParameterizedTest(autoCloseArguments = false)
  @MethodSource("prefixes")
  void routesEachPrefixToItsServiceWithPathAndQuery(String prefix, FakeService service) {
    // given
    String path = prefix + UUID.randomUUID();
    String token = Tokens.valid();

    // when
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .request(path + "?page=0&q=a%20b")
                .header("Authorization", "Bearer " + token)
                .GET());

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("path").asString()).isEqualTo(path);
    Received received = service.received(path).orElseThrow();
    assertThat(received.rawQuery()).isEqualTo("page=0&q=a%20b");
    assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
  }

  @Test
  void servesTheJwksWithoutAToken() {
    HttpResponse<byte[]> response = gateway.get("/.well-known/jwks.json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("keys").get(0).path("kid").asString())
        .isEqualTo(Tokens.KEY.getKeyID());
  }

  @Test
  void letsTheAuthenticationCallsThroughWithoutAToken() {
    for (String call : List.of("/api/auth/register", "/api/auth/login", "/api/auth/refresh")) {
      HttpResponse<byte[]> response =
          gateway.send(
              gateway
                  .request(call)
                  .header("Content-Type", "application/json")
                  .POST(BodyPublishers.ofString("{\"login\":\"ada\",\"password\":\"pw\"}")));

      assertThat(response.statusCode()).as(call).isEqualTo(200);
      assertThat(json(response).path("service").asString()).isEqualTo("auth");
    }
  }

  @Test
  void doesNotLetAStaleTokenBlockARefresh() {
    // given a client that still attaches its expired access token
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .request("/api/auth/refresh")
                .header("Authorization", "Bearer " + Tokens.expired())
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"refreshToken\":\"r1\"}")));

    // then auth-service, not the gateway, decides
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("service").asString()).isEqualTo("auth");
  }

  @Test
  void requiresATokenForTheOtherAuthCalls() {
    String path = "/api/auth/me-" + UUID.randomUUID();

    assertProblem(gateway.get(path), 401, "UNAUTHORIZED");
    assertProblem(gateway.get("/api/auth/login"), 401, "UNAUTHORIZED");
    assertThat(AUTH.received(path)).isEmpty();
  }

  @Test
  void neverPassesForgedIdentityHeadersToAService() {
    // given a viewer's token and every header that could pass for someone else
    String path = "/api/workflows/" + UUID.randomUUID();
    String token = Tokens.signed(Tokens.KEY, Tokens.claims().claim("role", "viewer").build());

    // when
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .request(path)
                .header("Authorization", "Bearer " + token)
                .header("X-User-Id", "admin")
                .header("X-User-Roles", "ADMIN")
                .header("X-User-Role", "admin")
                .header("X-Internal", "true")
                .header("x-request-from", "internal")
                .header("X-Authenticated-User", "admin")
                .header("X-Forwarded-For", "10.0.0.1")
                .header("X-Forwarded-Host", "internal.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Prefix", "/admin")
                .header("Forwarded", "for=10.0.0.1;proto=https")
                .header("X-Real-IP", "10.0.0.1")
                .GET());

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    Received received = WORKFLOW.received(path).orElseThrow();
    for (String forged :
        List.of(
            "X-User-Id",
            "X-User-Roles",
            "X-User-Role",
            "X-Internal",
            "x-request-from",
            "X-Authenticated-User",
            "X-Forwarded-Prefix",
            "Forwarded",
            "X-Real-IP")) {
      assertThat(received.hasHeader(forged)).as(forged).isFalse();
    }
    // forwarded headers re-derived from what the gateway saw, not what the client claimed
    assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
    assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
    assertThat(received.header("X-Forwarded-Host")).isEqualTo("localhost:" + port);
    assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
  }

  @Test
  void streamsServerSentEventsOneByOne() throws Exception {
    // given
    EventStream stream = new EventStream();
    eventStream = stream;
    String path = "/api/executions/stream-" + UUID.randomUUID() + "/events";

    // when
    HttpResponse<Stream<String>> response =
        gateway.send(
            gateway
                .authorized(path)
                .header("Accept", "text/event-stream")
                .header("Accept-Encoding", "gzip")
                .GET(),
            BodyHandlers.ofLines());

    // then the first event arrives while the service still holds back the second
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    assertThat(header(response, "Content-Encoding")).isEmpty();
    List<String> lines = new ArrayList<>();
    try (Stream<String> body = response.body()) {
      Iterator<String> it = body.iterator();
      while (it.hasNext()) {
        String line = it.next();
        lines.add(line);
        if (line.equals("id: 1")) {
          assertThat(stream.secondEventSent).as("second event already sent").isFalse();
          stream.firstEventSeen.countDown();
        }
      }
    }
    assertThat(lines)
        .contains("id: 1", "event: execution.started", "id: 2", "event: execution.completed");
  }

  @Test
  void answersAnUnknownPathWith404Problem() {
    assertProblem(gateway.getAuthorized("/api/nothing-here"), 404, "NOT_FOUND");
    assertProblem(gateway.getAuthorized("/"), 404, "NOT_FOUND");
  }

  @Test
  void requiresATokenEvenForUnknownPaths() {
    assertProblem(gateway.get("/api/nothing-here"), 401, "UNAUTHORIZED");
  }
}
