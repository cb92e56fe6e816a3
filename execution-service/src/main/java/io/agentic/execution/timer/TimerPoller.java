package io.agentic.execution.timer;

import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.FireTimer;
import io.agentic.execution.ExecutionProperties;
import io.agentic.execution.dispatch.OwnedPartitions;
import io.agentic.execution.store.Timer;
import io.agentic.execution.store.TimerStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
 * Turns due timers of the executions this instance owns into {@code FireTimer} commands. A timer is
 * deleted only after its command is sent; sent twice (a crash in between), the second is ignored by
 * the engine, which only accepts the timer it waits for.
 */
@Component
class TimerPoller implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(TimerPoller.class);
  private static final int BATCH = 200;

  private final TimerStore timers;
  private final OwnedPartitions owned;
  private final KafkaTemplate<String, Object> kafka;
  private final ExecutionProperties properties;
  private final TaskScheduler scheduler;
  private final Clock clock;
  private ScheduledFuture<?> task;

  TimerPoller(
      TimerStore timers,
      OwnedPartitions owned,
      KafkaTemplate<String, Object> kafka,
      ExecutionProperties properties,
      TaskScheduler scheduler,
      Clock clock) {
    this.timers = timers;
    this.owned = owned;
    this.kafka = kafka;
    this.properties = properties;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void schedule() {
    task = scheduler.scheduleWithFixedDelay(this::fireDue, properties.timerPollInterval());
  }

  synchronized void fireDue() {
    try {
      List<Timer> due;
      do {
        Instant now = clock.instant();
        due = timers.due(owned.current(), now, BATCH);
        for (Timer t : due) {
          FireTimer command =
              new FireTimer(
                  t.id(), t.executionId(), t.id(), t.kind(), t.nodeId(), t.attempt(), now);
          kafka.send(Topics.EXECUTION_COMMANDS, t.executionId(), command).get(10, TimeUnit.SECONDS);
          timers.cancel(t.id());
        }
      } while (due.size() == BATCH);
    } catch (Exception e) {
      log.warn("Firing due timers failed; next round in {}", properties.timerPollInterval(), e);
    }
  }

  @Override
  public void destroy() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
