package io.agentic.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class KafkaHealthIndicatorIT {

  @Test
  void isUpWithTheClusterIdWhenTheBrokerAnswers() {
    var indicator =
        new KafkaHealthIndicator(
            config(TestInfrastructure.kafkaBootstrapServers()),
            Duration.ofSeconds(5),
            Duration.ZERO);
    try {
      Health health = indicator.health();

      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsKey("clusterId").containsEntry("nodes", 1);
    } finally {
      indicator.destroy();
    }
  }

  @Test
  void isDownWithinItsTimeoutWhenNothingListensAndReusesThatAnswer() throws IOException {
    var indicator =
        new KafkaHealthIndicator(
            config("127.0.0.1:" + closedPort()), Duration.ofMillis(500), Duration.ofMinutes(1));
    try {
      long start = System.nanoTime();
      Health first = indicator.health();
      Duration firstTook = Duration.ofNanos(System.nanoTime() - start);
      start = System.nanoTime();
      Health second = indicator.health();
      Duration secondTook = Duration.ofNanos(System.nanoTime() - start);

      assertThat(first.getStatus()).isEqualTo(Status.DOWN);
      assertThat(firstTook).isLessThan(Duration.ofSeconds(3));
      assertThat(second).isSameAs(first);
      assertThat(secondTook).isLessThan(Duration.ofMillis(250));
    } finally {
      indicator.destroy();
    }
  }

  @Test
  void isDownWhenTheBootstrapAddressCannotBeResolved() {
    var indicator =
        new KafkaHealthIndicator(
            config("no-such-host.invalid:9092"), Duration.ofMillis(500), Duration.ZERO);
    try {
      assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    } finally {
      indicator.destroy();
    }
  }

  private static Map<String, Object> config(String bootstrap) {
    return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
  }

  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
