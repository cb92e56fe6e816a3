package io.agentic.workflow.publish;

import static org.awaitility.Awaitility.await;

import io.agentic.platform.kafka.ContractDeserializer;
import io.agentic.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads topics from the beginning with a plain consumer, as execution-service would. */
final class TopicReader implements AutoCloseable {

  private final KafkaConsumer<String, Object> consumer;
  private final List<ConsumerRecord<String, Object>> seen = new ArrayList<>();

  TopicReader(String... topics) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new ContractDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** The values published under {@code key} on {@code topic}, oldest first. */
  <T> List<T> values(String topic, String key, Class<T> type) {
    consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    return seen.stream()
        .filter(r -> r.topic().equals(topic) && key.equals(r.key()))
        .map(r -> type.cast(r.value()))
        .toList();
  }

  /** Waits (briefly) for a value under {@code key} that matches, and returns the newest such. */
  <T> T awaitValue(String topic, String key, Class<T> type, Predicate<T> matching) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> values(topic, key, type).stream().filter(matching).reduce((a, b) -> b),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
