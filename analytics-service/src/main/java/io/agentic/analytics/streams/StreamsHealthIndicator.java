package io.agentic.analytics.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code kafkaStreams} in {@code /actuator/health}, and a member of the readiness group
 * (analytics-service.yml): an instance is ready once its streams can serve the dashboard, that is
 * once they have reached {@code RUNNING} (a later rebalance keeps it ready, see {@link
 * StreamsState#queryable()}). Until then, while they start or restore, it is {@code
 * OUT_OF_SERVICE}; once they have failed or stopped, {@code DOWN}. Liveness never looks here.
 */
@Component("kafkaStreams")
class StreamsHealthIndicator implements HealthIndicator {

  private final StreamsState streams;

  StreamsHealthIndicator(StreamsState streams) {
    this.streams = streams;
  }

  @Override
  public Health health() {
    boolean queryable = streams.queryable();
    KafkaStreams.State state = streams.state();
    return Health.status(status(state, queryable))
        .withDetail("state", state == null ? "NOT_CREATED" : state.name())
        .build();
  }

  /**
   * @param state the streams' state, null before they are created
   * @param queryable whether the dashboard can be read from them
   */
  static Status status(KafkaStreams.State state, boolean queryable) {
    if (queryable) {
      return Status.UP;
    }
    if (state == null
        || state == KafkaStreams.State.CREATED
        || state == KafkaStreams.State.REBALANCING) {
      return Status.OUT_OF_SERVICE;
    }
    // RUNNING is queryable; what is left is shutting down or failed: NOT_RUNNING, ERROR, PENDING_*.
    return state == KafkaStreams.State.RUNNING ? Status.UP : Status.DOWN;
  }
}
