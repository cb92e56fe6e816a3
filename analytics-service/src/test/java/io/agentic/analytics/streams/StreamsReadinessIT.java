package io.agentic.analytics.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentic.analytics.FastStateDir;
import io.agentic.analytics.TestTokens;
import io.agentic.platform.kafka.ContractJson;
import io.agentic.testsupport.TestInfrastructureInitializer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Readiness follows the dashboard's streams. A context of its own, closed afterwards: the test
 * stops the streams for good, which the other tests' context must never see.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=analytics-service")
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
@Import(TestTokens.Decoder.class)
@DirtiesContext
class StreamsReadinessIT {

  private static final String RUN = "analytics-readiness-" + UUID.randomUUID();

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired StreamsBuilderFactoryBean streams;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    Path stateDir = FastStateDir.under(Path.of(System.getProperty("java.io.tmpdir")));
    registry.add("spring.kafka.streams.application-id", () -> RUN);
    registry.add("spring.kafka.streams.state-dir", () -> stateDir.resolve(RUN).toString());
    registry.add("spring.kafka.streams.replication-factor", () -> 1);
    registry.add("spring.kafka.streams.properties.commit.interval.ms", () -> 100);
    registry.add("agentic.analytics.dashboard-topic", () -> RUN + ".dashboard");
  }

  @Test
  void isReadyOnceTheStreamsServeAndDownOnceTheyHaveStoppedYetStaysAlive() throws Exception {
    // given streams that reach RUNNING: the instance becomes ready
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> get("/actuator/health/readiness").statusCode() == 200);

    // when the streams stop (as after a fatal error)
    KafkaStreams running = streams.getKafkaStreams();
    running.close(Duration.ofSeconds(10));
    assertThat(running.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);

    // then the instance is not ready, and says why, but is still alive
    HttpResponse<String> readiness = get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(503);
    assertThat(ContractJson.mapper().readTree(readiness.body()).get("status").asString())
        .isEqualTo("DOWN");
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
