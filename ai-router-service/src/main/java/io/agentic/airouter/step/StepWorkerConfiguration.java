package io.agentic.airouter.step;

import io.agentic.airouter.AiRouterProperties;
import io.agentic.airouter.metrics.RouterMetrics;
import io.agentic.airouter.router.AiRouter;
import io.agentic.platform.observability.ContextExecutors;
import io.agentic.platform.observability.TraceContinuation;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.ObjectProvider;
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

  /** The span (and observation) of one AI step; a fixed name, never an id. */
  static final String STEP_SPAN = "agentic.ai.step";

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
      ObjectProvider<TraceContinuation> traces,
      RouterMetrics metrics,
      Clock clock) {
    TraceContinuation continuation = traces.getIfAvailable();
    return new AiStepListener(
        new AiStep(router, properties.defaultStepTimeout(), clock),
        recorded,
        new StepResults(kafka, properties.worker().publishTimeout()),
        pool(properties.worker().concurrency()),
        continuation == null
            ? AiStepListener.Tracing.NONE
            : (traceParent, work) -> continuation.resume(traceParent, STEP_SPAN, work),
        metrics);
  }

  /**
   * At most {@code concurrency} steps at once, on virtual threads since steps mostly wait, each in
   * its submitter's trace and log context. Owned by the listener rather than a bean, so it does not
   * stand in for the application's task executor.
   */
  private static ExecutorService pool(int concurrency) {
    return ContextExecutors.wrap(
        Executors.newFixedThreadPool(
            Math.max(1, concurrency), Thread.ofVirtual().name("ai-step-", 0).factory()));
  }
}
