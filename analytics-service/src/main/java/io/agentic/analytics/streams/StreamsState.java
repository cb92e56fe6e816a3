package io.agentic.analytics.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/** Where the dashboard's Kafka Streams are in their life: starting, serving, or broken. */
@Component
public class StreamsState {

  private final StreamsBuilderFactoryBean streams;
  private volatile KafkaStreams servedBy;

  StreamsState(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  /** The current state; {@code null} before the streams are created. */
  public KafkaStreams.State state() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    return kafkaStreams == null ? null : kafkaStreams.state();
  }

  /**
   * Whether the global table may be read. It is complete once the streams first reach {@code
   * RUNNING}; a later rebalance (an instance joining or leaving) does not touch it, so reads go on
   * through {@code REBALANCING} then.
   */
  public boolean queryable() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      return false;
    }
    KafkaStreams.State state = kafkaStreams.state();
    if (state == KafkaStreams.State.RUNNING) {
      servedBy = kafkaStreams;
      return true;
    }
    return state == KafkaStreams.State.REBALANCING && servedBy == kafkaStreams;
  }
}
