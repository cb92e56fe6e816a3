package io.agentic.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.CancelExecution;
import io.agentic.contracts.execution.ExecutionCommand;
import io.agentic.contracts.execution.StartExecution;
import io.agentic.testsupport.TestInfrastructureInitializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.ContextConfiguration;

/**
 * A record a consumer cannot read, or fails on, lands in {@code <topic>.dlt} with its original
 * bytes, and the consumer carries on with the next record.
 */
@SpringBootTest(
    classes = DeadLetterIT.App.class,
    properties = {
      "spring.kafka.consumer.group-id=dead-letter-it",
      "spring.main.web-application-type=none"
    })
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
class DeadLetterIT {

  static final String TOPIC = Topics.EXECUTION_COMMANDS;

  @Autowired Received received;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrap;

  @Test
  void unreadableAndFailingRecordsGoToTheDeadLetterTopicWhileGoodOnesAreProcessed() {
    String poisonKey = "poison-" + UUID.randomUUID();
    String failingId = "fail-" + UUID.randomUUID();
    String goodId = "good-" + UUID.randomUUID();

    send(poisonKey, "{this is not json".getBytes(StandardCharsets.UTF_8));
    send(failingId, new ContractSerializer().serialize(TOPIC, cancel(failingId)));
    send(goodId, new ContractSerializer().serialize(TOPIC, start(goodId)));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(received.ids()).contains(goodId));
    List<ConsumerRecord<String, byte[]>> dead = readDeadLetters(List.of(poisonKey, failingId));
    assertThat(dead).extracting(ConsumerRecord::key).contains(poisonKey, failingId);
    assertThat(dead)
        .filteredOn(r -> r.key().equals(poisonKey))
        .first()
        .satisfies(
            r ->
                assertThat(new String(r.value(), StandardCharsets.UTF_8))
                    .isEqualTo("{this is not json"));
  }

  private void send(String key, byte[] value) {
    try (var producer =
        new KafkaProducer<String, byte[]>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(TOPIC, key, value));
    }
  }

  private List<ConsumerRecord<String, byte[]>> readDeadLetters(List<String> keys) {
    List<ConsumerRecord<String, byte[]>> found = new CopyOnWriteArrayList<>();
    try (var consumer =
        new KafkaConsumer<String, byte[]>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.dlt(TOPIC)));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
                return found.stream().map(ConsumerRecord::key).toList().containsAll(keys);
              });
    }
    return found;
  }

  private static StartExecution start(String id) {
    return new StartExecution("cmd-" + id, id, Instant.now());
  }

  private static CancelExecution cancel(String id) {
    return new CancelExecution("cmd-" + id, id, "u-1", "test", Instant.now());
  }

  /** Records the ids it processed; throws on every cancel command, to exercise the DLT path. */
  static class Received {
    private final List<String> ids = new CopyOnWriteArrayList<>();

    @KafkaListener(topics = TOPIC)
    void on(ExecutionCommand command) {
      if (command instanceof CancelExecution) {
        throw new IllegalStateException("cannot handle cancel in this test");
      }
      ids.add(command.executionId());
    }

    List<String> ids() {
      return ids;
    }
  }

  @Configuration
  @EnableAutoConfiguration
  static class App {
    @Bean
    Received received() {
      return new Received();
    }

    @Bean
    KafkaAdmin.NewTopics topics(AgenticKafkaProperties properties) {
      return KafkaTopics.with(properties).topic(TOPIC).declare();
    }
  }
}
