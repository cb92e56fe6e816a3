package io.agentic.platform.kafka;

import io.agentic.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the topics a service owns, each with its dead-letter topic. Partition counts come from
 * {@link AgenticKafkaProperties}, never from code.
 */
public final class KafkaTopics {

  /** Matches the producers' {@code max.request.size}: a 10 MiB HTTP output fits in a result. */
  public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  private final AgenticKafkaProperties properties;
  private final List<NewTopic> topics = new ArrayList<>();

  private KafkaTopics(AgenticKafkaProperties properties) {
    this.properties = properties;
  }

  public static KafkaTopics with(AgenticKafkaProperties properties) {
    return new KafkaTopics(properties);
  }

  public KafkaTopics topic(String name) {
    topics.add(builder(name).build());
    topics.add(builder(Topics.dlt(name)).build());
    return this;
  }

  /** A topic whose latest record per key is what matters (versions, access). */
  public KafkaTopics compacted(String name) {
    topics.add(builder(name).config(TopicConfig.CLEANUP_POLICY_CONFIG, "compact").build());
    topics.add(builder(Topics.dlt(name)).build());
    return this;
  }

  public KafkaAdmin.NewTopics declare() {
    return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
  }

  private TopicBuilder builder(String name) {
    return TopicBuilder.name(name)
        .partitions(properties.partitions())
        .replicas(properties.replicationFactor())
        .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_MESSAGE_BYTES));
  }
}
