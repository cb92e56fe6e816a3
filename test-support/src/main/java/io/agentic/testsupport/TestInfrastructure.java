package io.agentic.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The real infrastructure tests run against, started once per test JVM and shared by every test in
 * it: an embedded KRaft Kafka broker (the real broker), the MongoDB-wire server in memory, and the
 * Redis at {@code REDIS_URL} (default {@code redis://127.0.0.1:6379}; {@code .ci/run} makes sure
 * one answers). Tests keep their data apart with fresh ids rather than by wiping shared state.
 */
public final class TestInfrastructure {

  /** Few partitions keep rebalances and topic creation fast in tests. */
  public static final int PARTITIONS = 2;

  private static EmbeddedKafkaKraftBroker kafka;
  private static MongoServer mongo;
  private static String mongoUri;

  private TestInfrastructure() {}

  public static synchronized String kafkaBootstrapServers() {
    if (kafka == null) {
      EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
      broker.brokerProperties(
          Map.of(
              "group.initial.rebalance.delay.ms", "0",
              "group.min.session.timeout.ms", "500",
              "transaction.state.log.replication.factor", "1",
              "transaction.state.log.min.isr", "1",
              "offsets.topic.num.partitions", "2",
              "auto.create.topics.enable", "true",
              "message.max.bytes", "16777216",
              "num.partitions", Integer.toString(PARTITIONS)));
      broker.afterPropertiesSet();
      Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
      kafka = broker;
    }
    return kafka.getBrokersAsString();
  }

  public static synchronized String mongoUri() {
    if (mongo == null) {
      mongo = new MongoServer(new MemoryBackend());
      InetSocketAddress address = mongo.bind();
      mongoUri = "mongodb://127.0.0.1:" + address.getPort();
      Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
    }
    return mongoUri;
  }

  public static String redisUrl() {
    String url = System.getenv("REDIS_URL");
    return url == null || url.isBlank() ? "redis://127.0.0.1:6379" : url;
  }

  /**
   * Spring properties pointing a service at this infrastructure, with test-sized partitions and
   * millisecond-scale consumer timings.
   */
  public static Map<String, Object> springProperties() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
    p.put("spring.mongodb.uri", mongoUri());
    p.put("spring.data.redis.url", redisUrl());
    p.put("agentic.kafka.partitions", PARTITIONS);
    p.put("agentic.kafka.retry-backoff", "20ms");
    p.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
    p.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "200");
    p.put("spring.kafka.consumer.properties.max.poll.interval.ms", "30000");
    p.put("spring.kafka.consumer.properties.metadata.max.age.ms", "1000");
    p.put("spring.kafka.listener.poll-timeout", "200ms");
    p.put("spring.kafka.producer.properties.linger.ms", "0");
    p.put("agentic.security.jwks", TestTokens.publicJwks());
    return p;
  }
}
