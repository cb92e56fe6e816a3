package io.agentic.execution.run;

import io.agentic.execution.engine.ExecutionState;
import io.agentic.execution.engine.ExecutionStatus;
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

  /**
   * A place among the user's waiting requests, to take before starting an execution to wait for.
   *
   * @throws io.agentic.platform.problem.ApiException 429 when the user has too many already
   */
  Waiters.Seat seat(String userId) {
    return waiters.seat(userId);
  }

  /** Waits for an execution started while holding a {@link #seat}. */
  ExecutionState untilEnded(ExecutionState state, long timeoutMs) {
    return afterCommand(state, timeoutMs, () -> {});
  }

  /**
   * Registers first, then sends the command, so the end cannot slip by unseen. Not counted among
   * the user's waiting requests: a stop must work even while they are all taken.
   */
  ExecutionState afterCommand(ExecutionState state, long timeoutMs, Runnable command) {
    try (Waiters.Waiter waiter = waiters.register(state.id())) {
      command.run();
      long deadline = clock.millis() + timeoutMs;
      // Only the status is read while waiting; the whole execution once, at the end.
      while (!ended(state)) {
        long left = deadline - clock.millis();
        if (left <= 0) {
          break;
        }
        if (waiter.await(Math.min(left, RECHECK_MS))) {
          ExecutionState ended = waiter.ended();
          return ended != null ? ended : reload(state);
        }
      }
      return reload(state);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return reload(state);
    }
  }

  private boolean ended(ExecutionState state) {
    return executions.status(state.id()).map(ExecutionStatus::isTerminal).orElse(true);
  }

  private ExecutionState reload(ExecutionState state) {
    return executions.find(state.id()).map(StoredExecution::state).orElse(state);
  }
}
