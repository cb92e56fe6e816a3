package io.agentic.airouter.usage;

import io.agentic.airouter.router.UsageRecorder;
import io.agentic.contracts.Topics;
import io.agentic.contracts.ai.AiCallRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes each AI call to {@code ai.usage.v1}, keyed by execution id (the user's id outside
 * executions). Sent without waiting: usage feeds dashboards, and a step must not fail because a
 * usage record was late.
 */
public final class KafkaUsageRecorder implements UsageRecorder {

  private static final Logger log = LoggerFactory.getLogger(KafkaUsageRecorder.class);

  private final KafkaTemplate<String, Object> kafka;

  public KafkaUsageRecorder(KafkaTemplate<String, Object> kafka) {
    this.kafka = kafka;
  }

  @Override
  public void record(AiCallRecorded call) {
    String key = call.executionId() != null ? call.executionId() : call.userId();
    try {
      kafka
          .send(Topics.AI_USAGE, key, call)
          .whenComplete(
              (sent, e) -> {
                if (e != null) {
                  log.warn("AI usage record {} not published: {}", call.eventId(), e.getMessage());
                }
              });
    } catch (RuntimeException e) {
      log.warn("AI usage record {} not published: {}", call.eventId(), e.getMessage());
    }
  }
}
