package io.agentic.execution.run;

import io.agentic.execution.engine.ExecutionState;
import io.agentic.execution.store.ExecutionStore;
import io.agentic.execution.store.StoredExecution;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Holds a request until an execution ends or time runs out. Wake-ups come from {@link Waiters}; the
 * store is read again at least every second as well, so a missed wake-up only costs latency.
 */
@Component
class Waiting {

  private static final long RECHECK_MS = 1000;

  private final Waiters waiters;
  private final ExecutionStore executions;
  private final Clock clock;

  Waiting(Waiters waiters, ExecutionStore executions, Clock clock) {
    this.waiters = waiters;
    this.executions = executions;
    this.clock = clock;
  }

  ExecutionState untilEnded(ExecutionState state, String userId, long timeoutMs) {
    return afterCommand(state, userId, timeoutMs, () -> {});
  }

  /** Registers first, then sends the command, so the end cannot slip by unseen. */
  ExecutionState afterCommand(
      ExecutionState state, String userId, long timeoutMs, Runnable command) {
    try (Waiters.Waiter waiter = waiters.register(state.id(), userId)) {
      command.run();
      long deadline = clock.millis() + timeoutMs;
      ExecutionState current = reload(state);
      while (!current.status().isTerminal()) {
        long left = deadline - clock.millis();
        if (left <= 0) {
          break;
        }
        waiter.await(Math.min(left, RECHECK_MS));
        current = reload(state);
      }
      return current;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return reload(state);
    }
  }

  private ExecutionState reload(ExecutionState state) {
    return executions.find(state.id()).map(StoredExecution::state).orElse(state);
  }
}
