package io.agentic.local.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthProbeTest {

  private final AtomicInteger calls = new AtomicInteger();
  private HttpServer server;
  private volatile int status = 503;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/actuator/health",
        exchange -> {
          calls.incrementAndGet();
          byte[] body = "{\"status\":\"DOWN\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void returnsOnceTheServiceAnswers200() throws Exception {
    status = 200;

    new HealthProbe()
        .awaitHealthy(AgenticService.AUTH, url(), Instant.now().plusSeconds(5), () -> false);

    assertThat(calls).hasValue(1);
  }

  @Test
  void namesTheServiceAndItsLastAnswerWhenTheDeadlinePasses() {
    assertThatThrownBy(
            () ->
                new HealthProbe()
                    .awaitHealthy(
                        AgenticService.WORKFLOW,
                        url(),
                        Instant.now().plus(Duration.ofMillis(300)),
                        () -> false))
        .isInstanceOf(ServiceFailedException.class)
        .hasMessageStartingWith("workflow-service is not healthy at " + url())
        .hasMessageContaining("HTTP 503 {\"status\":\"DOWN\"}");
    assertThat(calls.get()).isGreaterThan(1);
  }

  @Test
  void stopsWaitingAsSoonAsTheStartIsAbandoned() throws Exception {
    long began = System.nanoTime();

    new HealthProbe()
        .awaitHealthy(AgenticService.GATEWAY, url(), Instant.now().plusSeconds(60), () -> true);

    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
  }
}
