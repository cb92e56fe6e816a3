package io.agentic.gateway.problem;

import static io.agentic.gateway.GatewayClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.gateway.FakeService;
import io.agentic.gateway.GatewayClient;
import io.agentic.gateway.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Services that are down, slow or hang up, and a JWKS that cannot be fetched: the gateway answers
 * with 503, 504 and 502 problems within its timeouts, never with a hang or a Netty message.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=gateway-service",
      "agentic.gateway.response-timeout=1s",
      "agentic.gateway.connect-timeout=1s"
    })
class ServiceFailuresIT {

  static final AtomicBoolean JWKS_UP = new AtomicBoolean(true);
  static final CountDownLatch RELEASE_SLOW = new CountDownLatch(1);

  static final FakeService AUTH =
      FakeService.start("auth")
          .on(
              "/.well-known/jwks.json",
              (exchange, received) ->
                  FakeService.json(
                      exchange,
                      JWKS_UP.get() ? 200 : 500,
                      JWKS_UP.get() ? Tokens.jwks() : "{\"error\":\"boom\"}"));

  /** Answers only after the test is over: far beyond the 1 s response timeout. */
  static final FakeService SLOW =
      FakeService.start("execution")
          .on(
              "/",
              (exchange, received) -> {
                try {
                  RELEASE_SLOW.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                FakeService.json(exchange, 200, "{}");
              });

  static final ServerSocket HANGS_UP = hangingUpServer();

  static final int CLOSED_PORT = closedPort();

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add("agentic.gateway.services.auth", () -> AUTH.uri().toString());
    registry.add("agentic.gateway.services.workflow", () -> "http://127.0.0.1:" + CLOSED_PORT);
    registry.add("agentic.gateway.services.execution", () -> SLOW.uri().toString());
    registry.add(
        "agentic.gateway.services.ai-router", () -> "http://127.0.0.1:" + HANGS_UP.getLocalPort());
    registry.add(
        "agentic.security.jwks-uri", () -> AUTH.uri().resolve("/.well-known/jwks.json").toString());
  }

  @AfterAll
  static void stopFakes() throws IOException {
    RELEASE_SLOW.countDown();
    AUTH.close();
    SLOW.close();
    HANGS_UP.close();
  }

  @LocalServerPort int port;

  GatewayClient gateway;

  @BeforeEach
  void client() {
    gateway = new GatewayClient(port);
    JWKS_UP.set(true);
  }

  @Test
  void answers503WhenTheServiceIsDown() {
    HttpResponse<byte[]> response = gateway.getAuthorized("/api/workflows/" + UUID.randomUUID());

    assertProblem(response, 503, "SERVICE_UNAVAILABLE");
  }

  @Test
  void answers503ForTheDocumentOfAServiceThatIsDownOnly() {
    // Swagger UI fetches each document on its own: one service down spoils only its own
    HttpResponse<byte[]> down = gateway.get("/docs/api/workflow");
    HttpResponse<byte[]> up = gateway.get("/docs/api/auth");

    assertProblem(down, 503, "SERVICE_UNAVAILABLE");
    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(AUTH.received("/v3/api-docs")).isPresent();
  }

  @Test
  void answers504WhenTheServiceIsTooSlow() {
    Instant start = Instant.now();

    HttpResponse<byte[]> response = gateway.getAuthorized("/api/executions/" + UUID.randomUUID());

    assertProblem(response, 504, "GATEWAY_TIMEOUT");
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(8));
  }

  @Test
  void answers502WhenTheServiceHangsUp() {
    HttpResponse<byte[]> response = gateway.getAuthorized("/api/ai/" + UUID.randomUUID());

    assertProblem(response, 502, "BAD_GATEWAY");
  }

  @Test
  void answers503WhenTokensCannotBeVerifiedForLackOfKeys() {
    // given auth-service's key set cannot be fetched, and a token whose key is not cached
    JWKS_UP.set(false);

    // when
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .request("/api/workflows/" + UUID.randomUUID())
                .header("Authorization", "Bearer " + Tokens.unknownKid())
                .GET());

    // then it is the gateway's trouble, not the caller's: no 401 that would discard the token
    assertProblem(response, 503, "SERVICE_UNAVAILABLE");
  }

  private static ServerSocket hangingUpServer() {
    try {
      ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread.ofVirtual()
          .start(
              () -> {
                while (!server.isClosed()) {
                  try (Socket socket = server.accept()) {
                    readHead(socket.getInputStream());
                  } catch (IOException closed) {
                    // the server socket was closed: the test is over
                  }
                }
              });
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the request head, then the socket is closed without a word. */
  private static void readHead(InputStream in) throws IOException {
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    int b;
    while (matched < 4 && (b = in.read()) != -1) {
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
