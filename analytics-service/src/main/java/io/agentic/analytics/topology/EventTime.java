package io.agentic.analytics.topology;

import io.agentic.contracts.ai.AiCallRecorded;
import io.agentic.contracts.execution.ExecutionProgressed;
import io.agentic.contracts.workflow.WorkflowChanged;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Windows follow when things happened, not when the record was written: an outbox relayed after a
 * restart, or a record redelivered later, still counts in its own minute.
 */
final class EventTime implements TimestampExtractor {

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    Instant at =
        switch (record.value()) {
          case ExecutionProgressed e -> e.timestamp();
          case AiCallRecorded a -> a.timestamp();
          case WorkflowChanged w -> w.timestamp();
          case null, default -> null;
        };
    if (at != null) {
      return at.toEpochMilli();
    }
    return record.timestamp() >= 0 ? record.timestamp() : Math.max(0, partitionTime);
  }
}
