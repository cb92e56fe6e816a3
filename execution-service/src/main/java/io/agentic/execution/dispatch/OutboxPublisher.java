package io.agentic.execution.dispatch;

import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.ExecutionProgressed;
import io.agentic.execution.store.ExecutionEventStore;
import io.agentic.execution.store.ExecutionStore;
import io.agentic.execution.store.OutboxEntry;
import io.agentic.execution.store.StateJson;
import io.agentic.execution.store.Timer;
import io.agentic.execution.store.TimerStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Carries out an execution's outbox entries in order, then removes the ones done. Stops at the
 * first failure so that an execution's messages never overtake each other; whatever is left is
 * retried by the relay. An entry done twice (a crash before its removal) is harmless: messages are
 * deduplicated downstream, timers are upserted by id.
 */
@Component
public class OutboxPublisher {

  private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

  private final KafkaTemplate<String, Object> kafka;
  private final TimerStore timers;
  private final ExecutionStore executions;
  private final ExecutionEventStore events;

  OutboxPublisher(
      KafkaTemplate<String, Object> kafka,
      TimerStore timers,
      ExecutionStore executions,
      ExecutionEventStore events) {
    this.kafka = kafka;
    this.timers = timers;
    this.executions = executions;
    this.events = events;
  }

  /**
   * @return true when every entry was done
   */
  public boolean flush(String executionId, List<OutboxEntry> entries) {
    List<String> done = new ArrayList<>();
    boolean all = true;
    for (OutboxEntry entry : entries) {
      try {
        perform(entry);
        done.add(entry.id());
      } catch (Exception e) {
        log.warn(
            "Outbox entry {} of execution {} not done yet: {}",
            entry.id(),
            executionId,
            e.toString());
        all = false;
        break;
      }
    }
    executions.removeFromOutbox(executionId, done);
    return all;
  }

  private void perform(OutboxEntry entry) throws Exception {
    switch (entry.kind()) {
      case OutboxEntry.MESSAGE -> {
        if (Topics.EXECUTION_EVENTS.equals(entry.topic())) {
          // Stored before it is published: a stream replaying the log then following the topic
          // misses nothing (it dedupes what it sees twice).
          events.append(
              StateJson.read(entry.payload(), ExecutionProgressed.class), entry.payload());
        }
        // The payload is the record's JSON already; the contract serializer passes bytes through.
        kafka
            .send(entry.topic(), entry.key(), entry.payload().getBytes(StandardCharsets.UTF_8))
            .get(10, TimeUnit.SECONDS);
      }
      case OutboxEntry.TIMER -> timers.schedule(StateJson.read(entry.payload(), Timer.class));
      case OutboxEntry.UNTIMER -> timers.cancel(entry.payload());
      default -> log.error("Unknown outbox entry kind {}; dropped", entry.kind());
    }
  }
}
