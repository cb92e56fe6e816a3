package io.agentic.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentic.local.services.AgenticService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The whole suite in this JVM, everything embedded, as {@code ./agentic start} runs it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalModeIT {

  @TempDir static Path dataDir;
  private static LocalSuite suite;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    suite = LocalMode.start(LocalSettings.onFreePorts(dataDir));
  }

  @AfterAll
  static void stop() {
    if (suite != null) {
      suite.close();
    }
  }

  @Test
  @Order(1)
  void everyServiceAnswersHealthyOnItsOwnPort() throws Exception {
    for (AgenticService service : AgenticService.values()) {
      HttpResponse<String> health = get(suite.serviceUrl(service) + "/actuator/health");

      assertThat(health.statusCode()).as(service.serviceName()).isEqualTo(200);
      assertThat(health.body()).contains("UP");
    }
    assertThat(suite.gatewayUrl())
        .isEqualTo("http://localhost:" + suite.port(AgenticService.GATEWAY))
        .isEqualTo(suite.serviceUrl("gateway-service"));
    assertThat(suite.startupTime()).isLessThan(Duration.ofSeconds(120));
  }

  @Test
  @Order(2)
  void keepsEverythingItPersistsUnderTheDataDirectory() {
    assertThat(dataDir.resolve("kafka/cluster-id")).isNotEmptyFile();
    assertThat(dataDir.resolve("kafka/logs/meta.properties")).isNotEmptyFile();
    assertThat(dataDir.resolve("mongo/agentic.mv")).exists();
    assertThat(dataDir.resolve("redis/redis.conf")).isNotEmptyFile();
    assertThat(suite.redisUrl()).startsWith("redis://127.0.0.1:");
    assertThat(suite.mongoUri()).startsWith("mongodb://127.0.0.1:");
  }

  @Test
  @Order(3)
  void aSecondLocalModeOnTheSameDataDirectoryStopsAtOnceWithAClearReason() {
    assertThatThrownBy(() -> LocalMode.start(LocalSettings.onFreePorts(dataDir)))
        .isInstanceOf(LocalStartupException.class)
        .hasMessageStartingWith("another Agentic local mode is using " + dataDir);
  }

  @Test
  @Order(4)
  void closesQuicklyAndReleasesItsPortsAndDataDirectory() throws Exception {
    // given the ports the suite listens on
    Map<AgenticService, Integer> ports = new EnumMap<>(AgenticService.class);
    for (AgenticService service : AgenticService.values()) {
      ports.put(service, suite.port(service));
    }

    // when
    long began = System.nanoTime();
    suite.close();
    Duration closing = Duration.ofNanos(System.nanoTime() - began);

    // then
    assertThat(closing).isLessThan(Duration.ofSeconds(20));
    ports.forEach((service, port) -> assertThat(canBind(port)).as(service.serviceName()).isTrue());
    assertThat(dataDir.resolve("redis/redis.pid")).doesNotExist();
    try (DataDirLock lock = DataDirLock.acquire(dataDir)) {
      assertThat(lock).isNotNull();
    }
    suite.close(); // a second close does nothing
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static boolean canBind(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
