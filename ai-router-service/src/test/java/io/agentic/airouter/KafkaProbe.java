package io.agentic.airouter;

import io.agentic.platform.kafka.ContractDeserializer;
import io.agentic.platform.kafka.ContractSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends contract records and reads them back from the embedded broker, as other services do. */
public final class KafkaProbe {

  private final String bootstrap;

  public KafkaProbe(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  public void send(String topic, String key, Object value) {
    send(topic, key, value, Map.of());
  }

  /** Sends with record headers, e.g. the {@code traceparent} an observed producer adds. */
  public void send(String topic, String key, Object value, Map<String, String> headers) {
    try (var producer =
        new KafkaProducer<String, Object>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new StringSerializer(),
            new ContractSerializer())) {
      ProducerRecord<String, Object> record = new ProducerRecord<>(topic, key, value);
      headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public void sendRaw(String topic, String key, byte[] value) {
    try (var producer =
        new KafkaProducer<String, byte[]>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for a record with {@code key} and returns its raw value. */
  public byte[] awaitRaw(String topic, String key, Duration atMost) {
    List<byte[]> found = new CopyOnWriteArrayList<>();
    try (var consumer =
        new KafkaConsumer<String, byte[]>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                "500"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      org.awaitility.Awaitility.await()
          .atMost(atMost)
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(200))
                    .forEach(
                        r -> {
                          if (key.equals(r.key())) {
                            found.add(r.value());
                          }
                        });
                return !found.isEmpty();
              });
    }
    return found.getFirst();
  }

  /** Waits until {@code count} records of {@code type} matching {@code match} are on the topic. */
  public <T> List<T> await(
      String topic, Class<T> type, Predicate<T> match, int count, Duration atMost) {
    List<T> found = new CopyOnWriteArrayList<>();
    try (var consumer =
        new KafkaConsumer<String, Object>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                "500"),
            new StringDeserializer(),
            new ContractDeserializer())) {
      consumer.subscribe(List.of(topic));
      org.awaitility.Awaitility.await()
          .atMost(atMost)
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(200))
                    .forEach(
                        r -> {
                          if (type.isInstance(r.value()) && match.test(type.cast(r.value()))) {
                            found.add(type.cast(r.value()));
                          }
                        });
                return found.size() >= count;
              });
    }
    return found;
  }
}
