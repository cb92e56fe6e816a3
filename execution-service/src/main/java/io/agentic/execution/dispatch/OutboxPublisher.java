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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

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
    int next = 0;
    try {
      while (next < entries.size()) {
        OutboxEntry entry = entries.get(next);
        if (OutboxEntry.MESSAGE.equals(entry.kind())) {
          // A run of messages goes out as one pipeline: sent back to back, awaited together. The
          // producer keeps one partition's records in order, so nothing overtakes anything.
          int end = next;
          while (end < entries.size() && OutboxEntry.MESSAGE.equals(entries.get(end).kind())) {
            end++;
          }
          sendAll(entries.subList(next, end), done);
          next = end;
        } else {
          performTimer(entry);
          done.add(entry.id());
          next++;
        }
      }
    } catch (Exception e) {
      log.warn(
          "Outbox entry {} of execution {} not done yet: {}",
          next < entries.size() ? entries.get(next).id() : "?",
          executionId,
          e.toString());
      all = false;
    }
    executions.removeFromOutbox(executionId, done);
    return all;
  }

  /**
   * Stores the run's events in one write, sends every message, then waits for them in order;
   * entries up to the first failure count as done, the rest are left for the relay (a message sent
   * twice is deduplicated downstream).
   */
  private void sendAll(List<OutboxEntry> run, List<String> done) throws Exception {
    List<OutboxEntry> progress =
        run.stream().filter(e -> Topics.EXECUTION_EVENTS.equals(e.topic())).toList();
    if (!progress.isEmpty()) {
      // Stored before they are published: a stream replaying the log then following the topic
      // misses nothing (it dedupes what it sees twice).
      events.appendAll(
          progress.stream()
              .map(
                  e ->
                      new ExecutionEventStore.Stored(
                          StateJson.read(e.payload(), ExecutionProgressed.class), e.payload()))
              .toList());
    }
    List<CompletableFuture<?>> sent = new ArrayList<>(run.size());
    for (OutboxEntry entry : run) {
      // The payload is the record's JSON already; the contract serializer passes bytes through.
      sent.add(
          kafka.send(entry.topic(), entry.key(), entry.payload().getBytes(StandardCharsets.UTF_8)));
    }
    long deadline = System.nanoTime() + SEND_TIMEOUT.toNanos();
    for (int i = 0; i < run.size(); i++) {
      sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      done.add(run.get(i).id());
    }
  }

  private void performTimer(OutboxEntry entry) {
    switch (entry.kind()) {
      case OutboxEntry.TIMER -> timers.schedule(StateJson.read(entry.payload(), Timer.class));
      case OutboxEntry.UNTIMER -> timers.cancel(entry.payload());
      default -> log.error("Unknown outbox entry kind {}; dropped", entry.kind());
    }
  }
}
