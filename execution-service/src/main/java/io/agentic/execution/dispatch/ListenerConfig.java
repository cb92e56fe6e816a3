package io.agentic.execution.dispatch;

import com.mongodb.MongoException;
import io.agentic.contracts.Topics;
import io.agentic.execution.ExecutionProperties;
import io.agentic.platform.kafka.AgenticKafkaProperties;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Listeners whose records must not be lost while MongoDB or Kafka is away (the orchestrator, the
 * workflow read model): an infrastructure failure is retried with backoff for as long as it lasts,
 * holding the partition, instead of sending the record to the dead-letter topic after a few quick
 * tries. Unreadable records and other failures still go to {@code <topic>.dlt}.
 */
@Configuration(proxyBeanMethods = false)
class ListenerConfig {

  /** The container factory name for {@code @KafkaListener(containerFactory = ...)}. */
  static final String PATIENT = "patientListenerFactory";

  /** For dead-letter topics: a record that fails there is logged, not dead-lettered again. */
  public static final String LOGGING = "loggingListenerFactory";

  /** For step workers: few records per poll, and time enough between polls for the slowest step. */
  public static final String WORKERS = "workerListenerFactory";

  @Bean(WORKERS)
  ConcurrentKafkaListenerContainerFactory<Object, Object> workerListenerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
      ConsumerFactory<Object, Object> consumers,
      ExecutionProperties properties) {
    ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    configurer.configure(factory, consumers);
    factory.setConcurrency(properties.workerConcurrency());
    Properties overrides = new Properties();
    overrides.put(
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
        Integer.toString(properties.workerMaxPollRecords()));
    // Steps run on the consumer thread; each may take up to its timeout (at most 1 h).
    overrides.put(
        ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
        Long.toString(properties.workerMaxPollInterval().toMillis()));
    factory.getContainerProperties().setKafkaConsumerProperties(overrides);
    return factory;
  }

  @Bean(LOGGING)
  ConcurrentKafkaListenerContainerFactory<Object, Object> loggingListenerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
      ConsumerFactory<Object, Object> consumers) {
    ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    configurer.configure(factory, consumers);
    factory.setCommonErrorHandler(new CommonLoggingErrorHandler());
    return factory;
  }

  @Bean(PATIENT)
  @SuppressWarnings("unchecked")
  ConcurrentKafkaListenerContainerFactory<Object, Object> patientListenerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
      ConsumerFactory<Object, Object> consumers,
      KafkaTemplate<?, ?> template,
      AgenticKafkaProperties kafka) {
    ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    configurer.configure(factory, consumers);
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            (KafkaOperations<Object, Object>) template,
            (record, e) -> new TopicPartition(Topics.dlt(record.topic()), -1));
    DefaultErrorHandler handler =
        new DefaultErrorHandler(
            recoverer, new FixedBackOff(kafka.retryBackoff().toMillis(), kafka.retryAttempts()));
    handler.setBackOffFunction((record, e) -> isInfrastructure(e) ? untilItWorks() : null);
    factory.setCommonErrorHandler(handler);
    return factory;
  }

  private static ExponentialBackOff untilItWorks() {
    ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxInterval(10_000);
    return backOff;
  }

  static boolean isInfrastructure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MongoException
          || t instanceof DataAccessException
          || t instanceof KafkaException
          || t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
