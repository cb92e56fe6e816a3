package io.agentic.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.testsupport.TestInfrastructure;
import io.agentic.testsupport.TestTokens;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * A service whose broker does not answer is not ready (so it gets no traffic) but is alive (so it
 * is not restarted), and says so within the probe's timeout.
 */
@SpringBootTest(
    classes = KafkaReadinessIT.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "agentic.kafka.health-timeout=500ms",
      "management.endpoint.health.group.readiness.show-components=always"
    })
class KafkaReadinessIT {

  @LocalServerPort int port;

  @DynamicPropertySource
  static void unreachableBroker(DynamicPropertyRegistry registry) throws IOException {
    int port = KafkaHealthIndicatorIT.closedPort();
    registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + port);
    registry.add("spring.data.redis.url", TestInfrastructure::redisUrl);
    registry.add("agentic.security.jwks", TestTokens::publicJwks);
  }

  @Test
  void isNotReadyButAliveWhileKafkaDoesNotAnswer() {
    RestClient http =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .defaultStatusHandler(status -> true, (request, response) -> {})
            .build();

    long start = System.nanoTime();
    ResponseEntity<JsonNode> readiness =
        http.get().uri("/actuator/health/readiness").retrieve().toEntity(JsonNode.class);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    ResponseEntity<JsonNode> liveness =
        http.get().uri("/actuator/health/liveness").retrieve().toEntity(JsonNode.class);

    assertThat(readiness.getStatusCode().value()).isEqualTo(503);
    assertThat(readiness.getBody().path("components").path("kafka").path("status").asString())
        .isEqualTo("DOWN");
    assertThat(readiness.getBody().path("components").path("redis").path("status").asString())
        .isEqualTo("UP");
    assertThat(took).isLessThan(Duration.ofSeconds(3));
    assertThat(liveness.getStatusCode().value()).isEqualTo(200);
  }

  @Configuration
  @EnableAutoConfiguration
  static class App {}
}
