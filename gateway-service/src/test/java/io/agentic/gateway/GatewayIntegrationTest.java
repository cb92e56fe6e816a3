package io.agentic.gateway;

import com.sun.net.httpserver.HttpExchange;
import io.agentic.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a random port in front of five fake services (one per route), with auth-service's
 * fake publishing the JWKS the test tokens are signed for and exchanging the keys of {@link
 * FakeKeys}, and the real Redis of the tests. One Spring context for every test class that extends
 * this (and one more per set of extra properties).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=gateway-service",
      "agentic.gateway.cors-allowed-origins=https://app.example"
    })
public abstract class GatewayIntegrationTest {

  public static final FakeService AUTH = FakeService.start("auth");
  public static final FakeService WORKFLOW = FakeService.start("workflow");
  public static final FakeService EXECUTION = FakeService.start("execution");
  public static final FakeService AI_ROUTER = FakeService.start("ai-router");
  public static final FakeService ANALYTICS = FakeService.start("analytics");

  /** Coordinates the streamed answer of {@code GET /api/executions/{id}/events}. */
  public static final class EventStream {
    public final CountDownLatch firstEventSeen = new CountDownLatch(1);
    public final AtomicBoolean secondEventSent = new AtomicBoolean();
  }

  public static volatile EventStream eventStream = new EventStream();

  static {
    AUTH.on(
        "/.well-known/jwks.json",
        (exchange, received) -> FakeService.json(exchange, 200, Tokens.jwks()));
    AUTH.on(FakeKeys.PATH, FakeKeys::respond);
    AUTH.on("/api/auth/login", FakeLogins::respond);
    EXECUTION.on("/api/executions/stream-", GatewayIntegrationTest::streamEvents);
    ANALYTICS.on("/api/dashboard/large", GatewayIntegrationTest::largeJson);
    for (FakeService service :
        new FakeService[] {AUTH, WORKFLOW, EXECUTION, AI_ROUTER, ANALYTICS}) {
      String document = openApiDocument(service.name());
      service.on("/v3/api-docs", (exchange, received) -> FakeService.json(exchange, 200, document));
    }
  }

  /** The small OpenAPI document each fake serves at {@code /v3/api-docs}, as springdoc would. */
  public static String openApiDocument(String service) {
    return "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\""
        + service
        + "-service\",\"version\":\"v1\"},\"servers\":[{\"url\":\"/\"}],\"paths\":{\"/api/"
        + service
        + "/things/{id}\":{\"get\":{\"operationId\":\"getThing\",\"responses\":{\"200\":"
        + "{\"description\":\"The thing\"}}}}}}";
  }

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    servicesAt(registry);
    registry.add("spring.data.redis.url", TestInfrastructure::redisUrl);
  }

  /**
   * Points the gateway at the fake services (and the fake auth-service's JWKS and key exchange).
   */
  public static void servicesAt(DynamicPropertyRegistry registry) {
    registry.add("agentic.gateway.gateway-secret", () -> FakeKeys.GATEWAY_SECRET);
    registry.add("agentic.gateway.services.auth", () -> AUTH.uri().toString());
    registry.add("agentic.gateway.services.workflow", () -> WORKFLOW.uri().toString());
    registry.add("agentic.gateway.services.execution", () -> EXECUTION.uri().toString());
    registry.add("agentic.gateway.services.ai-router", () -> AI_ROUTER.uri().toString());
    registry.add("agentic.gateway.services.analytics", () -> ANALYTICS.uri().toString());
    registry.add(
        "agentic.security.jwks-uri", () -> AUTH.uri().resolve("/.well-known/jwks.json").toString());
  }

  @LocalServerPort protected int port;

  protected GatewayClient gateway;

  @BeforeEach
  void client() {
    gateway = new GatewayClient(port);
  }

  /** Two events; the second only once the test has seen the first (or after 10 s). */
  private static void streamEvents(HttpExchange exchange, FakeService.Received received)
      throws IOException {
    EventStream stream = eventStream;
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(event(1, "execution.started"));
      out.flush();
      try {
        stream.firstEventSeen.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      stream.secondEventSent.set(true);
      out.write(event(2, "execution.completed"));
      out.flush();
    }
  }

  private static byte[] event(int id, String name) {
    return ("id: " + id + "\nevent: " + name + "\ndata: {\"executionId\":\"e1\"}\n\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A JSON answer well over 1 KiB, which the gateway compresses for clients that accept gzip. */
  private static void largeJson(HttpExchange exchange, FakeService.Received received)
      throws IOException {
    StringBuilder json = new StringBuilder("{\"items\":[");
    AtomicInteger i = new AtomicInteger();
    while (json.length() < 8 * 1024) {
      json.append(i.get() == 0 ? "" : ",")
          .append("{\"n\":")
          .append(i.getAndIncrement())
          .append(",\"label\":\"item\"}");
    }
    FakeService.json(exchange, 200, json.append("]}").toString());
  }
}
