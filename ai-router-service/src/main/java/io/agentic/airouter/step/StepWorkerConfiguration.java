package io.agentic.airouter.step;

import io.agentic.airouter.AiRouterProperties;
import io.agentic.airouter.router.AiRouter;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/** Wires the AI step worker: a batch listener, its bounded pool, the result store. */
@Configuration(proxyBeanMethods = false)
public class StepWorkerConfiguration {

  static final String CONTAINER_FACTORY = "aiStepContainerFactory";

  @Bean(name = CONTAINER_FACTORY)
  @SuppressWarnings({"unchecked", "rawtypes"})
  ConcurrentKafkaListenerContainerFactory<Object, Object> aiStepContainerFactory(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
      ConsumerFactory<?, ?> consumerFactory) {
    ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
        new ConcurrentKafkaListenerContainerFactory<>();
    configurer.configure(factory, (ConsumerFactory) consumerFactory);
    factory.setBatchListener(true);
    factory.getContainerProperties().setAckMode(AckMode.BATCH);
    return factory;
  }

  @Bean
  RecordedSteps recordedSteps(MongoTemplate mongo, Clock clock) {
    RecordedSteps steps = new RecordedSteps(mongo, clock);
    steps.ensureIndexes();
    return steps;
  }

  @Bean
  AiStepListener aiStepListener(
      AiRouter router,
      RecordedSteps recorded,
      KafkaTemplate<String, Object> kafka,
      AiRouterProperties properties,
      Clock clock) {
    return new AiStepListener(
        new AiStep(router, properties.defaultStepTimeout(), clock),
        recorded,
        new StepResults(kafka, properties.worker().publishTimeout()),
        pool(properties.worker().concurrency()));
  }

  /**
   * At most {@code concurrency} steps at once, on virtual threads since steps mostly wait. Owned by
   * the listener rather than a bean, so it does not stand in for the application's task executor.
   */
  private static ExecutorService pool(int concurrency) {
    return Executors.newFixedThreadPool(
        Math.max(1, concurrency), Thread.ofVirtual().name("ai-step-", 0).factory());
  }
}
