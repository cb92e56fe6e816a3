package io.agentic.execution.dispatch;

import io.agentic.contracts.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Which partition of {@code execution.commands.v1} an execution's messages land on: Kafka's default
 * partitioner (murmur2 of the key) over the topic's real partition count. Every topic keyed by
 * execution id has that count, so the partition's owner owns the execution everywhere.
 */
@Component
public class Partitions {

  private final KafkaTemplate<String, Object> kafka;
  private volatile int count;

  Partitions(KafkaTemplate<String, Object> kafka) {
    this.kafka = kafka;
  }

  public int of(String executionId) {
    return of(executionId, count());
  }

  static int of(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  private int count() {
    if (count == 0) {
      count = kafka.partitionsFor(Topics.EXECUTION_COMMANDS).size();
    }
    return count;
  }
}
