package io.agentic.execution.timer;

import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.FireTimer;
import io.agentic.execution.ExecutionProperties;
import io.agentic.execution.dispatch.OwnedPartitions;
import io.agentic.execution.store.ExecutionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Every accepted execution reaches a terminal state: owned executions still unfinished past their
 * deadline get a {@code deadline} timer command, which fails them with {@code DEADLINE_EXCEEDED}.
 */
@Component
class DeadlineSweeper implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);

  private final ExecutionStore executions;
  private final OwnedPartitions owned;
  private final KafkaTemplate<String, Object> kafka;
  private final ExecutionProperties properties;
  private final TaskScheduler scheduler;
  private final Clock clock;
  private ScheduledFuture<?> task;

  DeadlineSweeper(
      ExecutionStore executions,
      OwnedPartitions owned,
      KafkaTemplate<String, Object> kafka,
      ExecutionProperties properties,
      TaskScheduler scheduler,
      Clock clock) {
    this.executions = executions;
    this.owned = owned;
    this.kafka = kafka;
    this.properties = properties;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void schedule() {
    task = scheduler.scheduleWithFixedDelay(this::sweep, properties.deadlineSweepInterval());
  }

  synchronized void sweep() {
    try {
      Instant now = clock.instant();
      for (String id : executions.pastDeadline(owned.current(), now, 500)) {
        FireTimer command =
            new FireTimer(
                UUID.randomUUID().toString(), id, id + ":deadline", "deadline", null, 0, now);
        kafka.send(Topics.EXECUTION_COMMANDS, id, command).get(10, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      log.warn("Deadline sweep failed; next round in {}", properties.deadlineSweepInterval(), e);
    }
  }

  @Override
  public void destroy() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
