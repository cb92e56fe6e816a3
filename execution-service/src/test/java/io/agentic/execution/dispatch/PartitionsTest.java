package io.agentic.execution.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.RepeatedTest;

class PartitionsTest {

  @RepeatedTest(20)
  void agreesWithKafkasDefaultPartitioner() {
    String key = UUID.randomUUID().toString();

    for (int partitions : new int[] {1, 2, 12, 7}) {
      assertThat(Partitions.of(key, partitions))
          .isEqualTo(
              BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions));
    }
  }
}
