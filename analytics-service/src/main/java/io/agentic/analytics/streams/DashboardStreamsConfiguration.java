package io.agentic.analytics.streams;

import io.agentic.analytics.AnalyticsProperties;
import io.agentic.analytics.topology.DashboardEntry;
import io.agentic.analytics.topology.DashboardTopology;
import io.agentic.contracts.Topics;
import io.agentic.platform.kafka.AgenticKafkaProperties;
import io.agentic.platform.kafka.KafkaTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.streams.KafkaStreamsInteractiveQueryService;

/**
 * Runs the dashboard topology in Spring's Kafka Streams lifecycle (configured under {@code
 * spring.kafka.streams}) and makes the topics it needs exist before it starts.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(AnalyticsProperties.class)
class DashboardStreamsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DashboardStreamsConfiguration.class);

  @Bean
  GlobalKTable<String, DashboardEntry> dashboardTable(
      StreamsBuilder builder, AnalyticsProperties properties) {
    return DashboardTopology.build(builder, properties.topology());
  }

  /**
   * No retries inside a request: a store that is not queryable yet answers 503 at once, with {@code
   * Retry-After}, rather than holding the request.
   */
  @Bean
  KafkaStreamsInteractiveQueryService dashboardQueries(StreamsBuilderFactoryBean streams) {
    KafkaStreamsInteractiveQueryService queries = new KafkaStreamsInteractiveQueryService(streams);
    queries.setRetryTemplate(new RetryTemplate(RetryPolicy.withMaxRetries(0)));
    return queries;
  }

  /** A stream thread that dies (a bug, a broker hiccup it could not absorb) is replaced. */
  @Bean
  StreamsBuilderFactoryBeanConfigurer replaceFailedStreamThreads() {
    return factory -> {
      factory.setStreamsUncaughtExceptionHandler(
          e -> {
            log.error("A Kafka Streams thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
          });
      // Stores are changelogged and processing is exactly-once, so a short close loses nothing;
      // the default 10 s held up every shutdown of the suite.
      factory.setCloseTimeout(3);
    };
  }

  /**
   * The topics read, declared as their owners declare them (same partitions), so that the streams
   * can start before the services that write them: Kafka Streams refuses to start on a missing
   * source topic. Creating a topic that exists already changes nothing.
   */
  @Bean
  KafkaAdmin.NewTopics analyticsSourceTopics(AgenticKafkaProperties kafka) {
    return KafkaTopics.with(kafka)
        .topic(Topics.EXECUTION_EVENTS)
        .topic(Topics.AI_USAGE)
        .topic(Topics.WORKFLOW_EVENTS)
        .declare();
  }

  /**
   * The aggregates' topic: one partition, compacted (the latest value per key is all that counts).
   */
  @Bean
  NewTopic dashboardTopic(AnalyticsProperties properties, AgenticKafkaProperties kafka) {
    return TopicBuilder.name(properties.dashboardTopic())
        .partitions(1)
        .replicas(kafka.replicationFactor())
        .compact()
        .build();
  }

  /** One client for the health report's {@code describeCluster}. */
  @Bean(destroyMethod = "close")
  Admin analyticsAdminClient(KafkaAdmin admin) {
    return Admin.create(admin.getConfigurationProperties());
  }
}
