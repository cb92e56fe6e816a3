package io.agentic.auth.audit;

import io.agentic.contracts.Topics;
import io.agentic.platform.kafka.AgenticKafkaProperties;
import io.agentic.platform.kafka.KafkaTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** auth-service owns the audit topic (every service may publish to it). */
@Configuration(proxyBeanMethods = false)
class AuditTopics {

  @Bean
  KafkaAdmin.NewTopics auditTopic(AgenticKafkaProperties properties) {
    return KafkaTopics.with(properties).topic(Topics.AUDIT).declare();
  }
}
