package io.agentic.local.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker, database and Redis keep what they were given across a restart. */
class InfrastructureIT {

  @TempDir Path dataDir;

  @Test
  void keepsTopicsMessagesDocumentsAndKeysAcrossARestart() throws Exception {
    String topic = "local-mode-it-" + UUID.randomUUID();
    String key = "local-mode-it:" + UUID.randomUUID();

    // given a first run that writes to each piece
    try (Infrastructure infra = Infrastructure.start(dataDir, null, null, null, 3)) {
      try (Admin admin = admin(infra)) {
        admin
            .createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())))
            .all()
            .get();
        assertThat(
                admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic).partitions())
            .as("the local partition count is the broker's default")
            .hasSize(3);
      }
      try (KafkaProducer<String, String> producer = producer(infra)) {
        producer.send(new ProducerRecord<>(topic, "execution-1", "started")).get();
      }
      try (MongoClient mongo = MongoClients.create(infra.mongoUri())) {
        mongo.getDatabase("agentic-it").getCollection("things").insertOne(new Document("_id", key));
      }
      try (RedisClient redis = RedisClient.create(infra.redisUrl());
          StatefulRedisConnection<String, String> connection = redis.connect()) {
        connection.sync().set(key, "kept");
      }
    }
    String clusterId = Files.readString(dataDir.resolve("kafka/cluster-id"));

    // when it starts again on the same directory
    try (Infrastructure infra = Infrastructure.start(dataDir, null, null, null, 3)) {

      // then everything is still there
      assertThat(Files.readString(dataDir.resolve("kafka/cluster-id"))).isEqualTo(clusterId);
      assertThat(readAll(infra, topic)).containsExactly("execution-1=started");
      try (MongoClient mongo = MongoClients.create(infra.mongoUri())) {
        assertThat(
                mongo
                    .getDatabase("agentic-it")
                    .getCollection("things")
                    .countDocuments(new Document("_id", key)))
            .isEqualTo(1);
      }
      try (RedisClient redis = RedisClient.create(infra.redisUrl());
          StatefulRedisConnection<String, String> connection = redis.connect()) {
        assertThat(connection.sync().get(key)).isEqualTo("kept");
      }
    }
    assertThat(dataDir.resolve("mongo/agentic.mv")).exists();
    assertThat(dataDir.resolve("redis/appendonly.aof")).isNotEmptyFile();
  }

  @Test
  void usesExternalAddressesAsGivenAndStartsNothing() {
    // when every address is given
    try (Infrastructure infra =
        Infrastructure.start(
            dataDir, "kafka.example:9092", "mongodb://mongo.example", "redis://redis.example", 3)) {

      // then they are used as they are, and nothing was started under the data directory
      assertThat(infra.kafkaBootstrapServers()).isEqualTo("kafka.example:9092");
      assertThat(infra.mongoUri()).isEqualTo("mongodb://mongo.example");
      assertThat(infra.redisUrl()).isEqualTo("redis://redis.example");
      assertThat(dataDir).isEmptyDirectory();
    }
  }

  private static Admin admin(Infrastructure infra) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()));
  }

  private static KafkaProducer<String, String> producer(Infrastructure infra) {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()),
        new StringSerializer(),
        new StringSerializer());
  }

  private static List<String> readAll(Infrastructure infra, String topic) {
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (seen.isEmpty() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          seen.add(record.key() + "=" + record.value());
        }
      }
    }
    return seen;
  }
}
