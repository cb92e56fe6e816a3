package io.agentic.execution.dispatch;

import io.agentic.execution.ExecutionProperties;
import io.agentic.execution.store.ExecutionStore;
import io.agentic.execution.store.StoredExecution;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Publishes what transitions of owned executions left unsent (a crash between the state write and
 * the publish, a broker outage): everything on partition assignment, and every {@code
 * relayInterval} the entries older than {@code relayGrace}.
 */
@Component
class OutboxRelay implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final ExecutionStore executions;
  private final OutboxPublisher publisher;
  private final OwnedPartitions owned;
  private final ExecutionProperties properties;
  private final TaskScheduler scheduler;
  private final Clock clock;
  private ScheduledFuture<?> task;

  OutboxRelay(
      ExecutionStore executions,
      OutboxPublisher publisher,
      OwnedPartitions owned,
      ExecutionProperties properties,
      TaskScheduler scheduler,
      Clock clock) {
    this.executions = executions;
    this.publisher = publisher;
    this.owned = owned;
    this.properties = properties;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void schedule() {
    task =
        scheduler.scheduleWithFixedDelay(
            () -> relay(clock.instant().minus(properties.relayGrace())),
            properties.relayInterval());
  }

  void relayEverything() {
    relay(clock.instant());
  }

  synchronized void relay(Instant createdBefore) {
    try {
      for (StoredExecution e : executions.withUnsentEntries(owned.current(), createdBefore)) {
        publisher.flush(
            e.id(),
            e.outbox().stream().filter(o -> !o.createdAt().isAfter(createdBefore)).toList());
      }
    } catch (RuntimeException e) {
      log.warn("Outbox relay failed; next round in {}", properties.relayInterval(), e);
    }
  }

  @Override
  public void destroy() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
