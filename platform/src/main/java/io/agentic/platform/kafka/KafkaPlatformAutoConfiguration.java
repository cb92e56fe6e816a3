package io.agentic.platform.kafka;

import io.agentic.contracts.Topics;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka the same way in every service: contract records as JSON, and a record that cannot be
 * processed, after a few quick retries, goes to {@code <topic>.dlt} while the consumer carries on.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(AgenticKafkaProperties.class)
public class KafkaPlatformAutoConfiguration {

  @Bean
  @SuppressWarnings({"unchecked", "rawtypes"})
  DefaultKafkaProducerFactoryCustomizer contractSerializerCustomizer() {
    return factory ->
        ((DefaultKafkaProducerFactory) factory).setValueSerializer(new ContractSerializer());
  }

  @Bean
  @SuppressWarnings({"unchecked", "rawtypes"})
  DefaultKafkaConsumerFactoryCustomizer contractDeserializerCustomizer() {
    return factory ->
        ((DefaultKafkaConsumerFactory) factory)
            .setValueDeserializer(new ErrorHandlingDeserializer<>(new ContractDeserializer()));
  }

  @Bean
  @ConditionalOnMissingBean(CommonErrorHandler.class)
  @SuppressWarnings("unchecked")
  DefaultErrorHandler deadLetterErrorHandler(
      KafkaTemplate<?, ?> template, AgenticKafkaProperties properties) {
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            (KafkaOperations<Object, Object>) template,
            // A negative partition lets the producer choose: DLTs need not match partition counts.
            (record, e) -> new TopicPartition(Topics.dlt(record.topic()), -1));
    return new DefaultErrorHandler(
        recoverer,
        new FixedBackOff(properties.retryBackoff().toMillis(), properties.retryAttempts()));
  }
}
