package io.agentic.execution.dispatch;

import io.agentic.contracts.Topics;
import io.agentic.execution.ExecutionProperties;
import io.agentic.execution.engine.Engine;
import io.agentic.execution.engine.EngineSettings;
import io.agentic.execution.engine.ExpressionsEvaluator;
import io.agentic.expression.Expressions;
import io.agentic.platform.kafka.AgenticKafkaProperties;
import io.agentic.platform.kafka.KafkaTopics;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The engine as the orchestrator runs it, and the topics execution-service owns. */
@Configuration(proxyBeanMethods = false)
class DispatchConfig {

  @Bean
  KafkaAdmin.NewTopics executionTopics(AgenticKafkaProperties kafka) {
    return KafkaTopics.with(kafka)
        .topic(Topics.EXECUTION_COMMANDS)
        .topic(Topics.STEPS_AI)
        .topic(Topics.STEPS_HTTP)
        .topic(Topics.STEPS_DATABASE)
        .topic(Topics.STEP_RESULTS)
        .topic(Topics.EXECUTION_EVENTS)
        .declare();
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Engine engine(ExecutionProperties properties) {
    EngineSettings settings =
        new EngineSettings(
            properties.defaultNodeTimeout(),
            properties.deadline(),
            properties.maxLogEntries(),
            EngineSettings.defaults().maxBackoff(),
            properties.maxDepth(),
            properties.maxLoopItems(),
            EngineSettings.defaults().defaultLoopConcurrency(),
            EngineSettings.defaults().maxLoopConcurrency(),
            properties.maxInlineOutput().toBytes());
    return new Engine(
        new ExpressionsEvaluator(Expressions.standard()),
        () -> ThreadLocalRandom.current().nextLong(),
        settings);
  }
}
