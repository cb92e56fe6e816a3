package io.agentic.analytics.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code kafkaStreams} in {@code /actuator/health}: down once the streams have failed or stopped,
 * up while they start, restore or run (the REST API says {@code WARMING_UP} meanwhile).
 */
@Component("kafkaStreams")
class StreamsHealthIndicator implements HealthIndicator {

  private final StreamsState streams;

  StreamsHealthIndicator(StreamsState streams) {
    this.streams = streams;
  }

  @Override
  public Health health() {
    KafkaStreams.State state = streams.state();
    Health.Builder health = streams.healthy() ? Health.up() : Health.down();
    return health.withDetail("state", state == null ? "NOT_CREATED" : state.name()).build();
  }
}
