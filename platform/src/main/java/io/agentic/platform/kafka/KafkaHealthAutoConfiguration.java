package io.agentic.platform.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The {@code kafka} health contributor (Boot has none), in every service that talks to Kafka: not
 * in the gateway, which excludes Kafka's auto-configuration and so has no {@link KafkaAdmin}.
 * Switch it off with {@code management.health.kafka.enabled=false}.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass({KafkaAdmin.class, HealthIndicator.class})
@ConditionalOnBean(KafkaAdmin.class)
@ConditionalOnEnabledHealthIndicator("kafka")
@EnableConfigurationProperties(AgenticKafkaProperties.class)
public class KafkaHealthAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
  KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, AgenticKafkaProperties properties) {
    return new KafkaHealthIndicator(
        admin.getConfigurationProperties(),
        properties.healthTimeout(),
        properties.healthCacheTtl());
  }
}
