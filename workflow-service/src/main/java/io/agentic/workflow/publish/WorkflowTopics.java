package io.agentic.workflow.publish;

import io.agentic.contracts.Topics;
import io.agentic.platform.kafka.AgenticKafkaProperties;
import io.agentic.platform.kafka.KafkaTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics workflow-service owns: versions and access (compacted), and change events. */
@Configuration(proxyBeanMethods = false)
class WorkflowTopics {

  @Bean
  KafkaAdmin.NewTopics workflowOwnedTopics(AgenticKafkaProperties properties) {
    return KafkaTopics.with(properties)
        .compacted(Topics.WORKFLOW_VERSIONS)
        .compacted(Topics.WORKFLOW_ACCESS)
        .topic(Topics.WORKFLOW_EVENTS)
        .declare();
  }
}
