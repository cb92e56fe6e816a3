package io.agentic.workflow.publish;

import io.agentic.workflow.WorkflowProperties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Sends a record and waits until the broker has acknowledged it (acks=all). */
@Component
class KafkaSender {

  private static final Logger log = LoggerFactory.getLogger(KafkaSender.class);

  private final KafkaTemplate<String, Object> kafka;
  private final long timeoutMs;

  KafkaSender(KafkaTemplate<String, Object> kafka, WorkflowProperties properties) {
    this.kafka = kafka;
    this.timeoutMs = properties.publishTimeout().toMillis();
  }

  void send(String topic, String key, Object value) {
    try {
      kafka.send(topic, key, value).get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishFailedException();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      log.warn("Could not publish {} to {}: {}", key, topic, e.toString());
      throw new PublishFailedException();
    }
  }
}
