package io.agentic.analytics.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.health.contributor.Status;

class StreamsHealthIndicatorTest {

  @Test
  void isNotReadyBeforeTheStreamsExistOrWhileTheyStart() {
    assertThat(StreamsHealthIndicator.status(null, false)).isEqualTo(Status.OUT_OF_SERVICE);
    assertThat(StreamsHealthIndicator.status(State.CREATED, false))
        .isEqualTo(Status.OUT_OF_SERVICE);
    assertThat(StreamsHealthIndicator.status(State.REBALANCING, false))
        .isEqualTo(Status.OUT_OF_SERVICE);
  }

  @Test
  void isReadyOnceRunningAndThroughALaterRebalance() {
    assertThat(StreamsHealthIndicator.status(State.RUNNING, true)).isEqualTo(Status.UP);
    assertThat(StreamsHealthIndicator.status(State.REBALANCING, true)).isEqualTo(Status.UP);
  }

  @ParameterizedTest
  @EnumSource(
      value = State.class,
      names = {"PENDING_SHUTDOWN", "NOT_RUNNING", "PENDING_ERROR", "ERROR"})
  void isDownOnceTheStreamsHaveStoppedOrFailed(State state) {
    assertThat(StreamsHealthIndicator.status(state, false)).isEqualTo(Status.DOWN);
  }
}
