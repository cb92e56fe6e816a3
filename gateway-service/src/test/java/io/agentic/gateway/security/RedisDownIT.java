package io.agentic.gateway.security;

import static io.agentic.gateway.GatewayClient.assertProblem;
import static io.agentic.gateway.GatewayClient.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.gateway.FakeKeys;
import io.agentic.gateway.FakeLogins;
import io.agentic.gateway.GatewayClient;
import io.agentic.gateway.GatewayIntegrationTest;
import io.agentic.gateway.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway with its Redis gone (a closed port): reads go on, writes are refused with 503, rate
 * and sign-in limits let everything through, API keys still work for reads.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=gateway-service")
class RedisDownIT {

  static final int CLOSED_PORT = closedPort();

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    GatewayIntegrationTest.servicesAt(registry);
    registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + CLOSED_PORT);
  }

  @LocalServerPort int port;

  GatewayClient gateway;

  @BeforeEach
  void client() {
    gateway = new GatewayClient(port);
  }

  @Test
  void letsReadsThroughUnchecked() {
    String path = "/api/workflows/" + UUID.randomUUID();

    HttpResponse<byte[]> response = gateway.getAuthorized(path);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(GatewayIntegrationTest.WORKFLOW.received(path)).isPresent();
  }

  @Test
  void refusesWritesItCannotCheck() {
    String path = "/api/executions-" + UUID.randomUUID();

    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .request("/api/executions")
                .header("Authorization", "Bearer " + Tokens.valid())
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"path\":\"" + path + "\"}")));

    assertProblem(response, 503, "SERVICE_UNAVAILABLE");
    assertThat(header(response, "Retry-After")).isPresent();
  }

  @Test
  void letsSignInsThroughUncounted() {
    for (int i = 0; i < 7; i++) {
      HttpResponse<byte[]> response =
          gateway.send(
              gateway
                  .request("/api/auth/login")
                  .header("Content-Type", "application/json")
                  .POST(
                      BodyPublishers.ofString(FakeLogins.body("ada", FakeLogins.WRONG_PASSWORD))));
      assertThat(response.statusCode()).isEqualTo(401);
    }
  }

  @Test
  void letsApiKeysReadWithoutTheDenyList() {
    String key = FakeKeys.newKey();

    HttpResponse<byte[]> read =
        gateway.send(gateway.request("/api/workflows").header("X-API-Key", key).GET());
    HttpResponse<byte[]> write =
        gateway.send(
            gateway
                .request("/api/workflows")
                .header("X-API-Key", key)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}")));

    assertThat(read.statusCode()).isEqualTo(200);
    assertProblem(write, 503, "SERVICE_UNAVAILABLE");
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
