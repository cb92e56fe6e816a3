package io.agentic.execution.run;

import io.agentic.contracts.execution.ExecutionProgressed;
import io.agentic.execution.ExecutionProperties;
import io.agentic.execution.dispatch.ExecutionFinished;
import io.agentic.execution.engine.ExecutionState;
import io.agentic.platform.problem.ApiException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Requests waiting for executions to end. Woken in this JVM when its orchestrator ends an
 * execution, and by terminal events on {@code execution.events.v1} (read by every instance in a
 * group of its own, from the latest offset, and handed on by {@code events.LiveEvents}) when
 * another instance's orchestrator did.
 */
@Component
class Waiters {

  private final Map<String, Set<CompletableFuture<ExecutionState>>> byExecution =
      new ConcurrentHashMap<>();
  private final Map<String, Integer> byUser = new ConcurrentHashMap<>();
  private final ExecutionProperties properties;

  Waiters(ExecutionProperties properties) {
    this.properties = properties;
  }

  /**
   * A place among the user's waiting requests, taken before anything starts so that a refusal
   * changes nothing. Closing it gives the place back.
   */
  final class Seat implements AutoCloseable {
    private final String userId;
    private boolean released;

    private Seat(String userId) {
      this.userId = userId;
    }

    @Override
    public synchronized void close() {
      if (!released) {
        released = true;
        byUser.computeIfPresent(userId, (k, n) -> n == 1 ? null : n - 1);
      }
    }
  }

  /** One waiting request. Register before asking for the change, then {@link #await}. */
  final class Waiter implements AutoCloseable {
    private final String executionId;
    private final CompletableFuture<ExecutionState> done = new CompletableFuture<>();

    private Waiter(String executionId) {
      this.executionId = executionId;
    }

    /** Waits at most {@code millis}; true if woken by the end of the execution. */
    boolean await(long millis) throws InterruptedException {
      try {
        done.get(Math.max(0, millis), TimeUnit.MILLISECONDS);
        return true;
      } catch (TimeoutException e) {
        return false;
      } catch (ExecutionException e) {
        return true;
      }
    }

    /** The ended execution as stored, when this JVM ended it; null if another instance did. */
    ExecutionState ended() {
      return done.getNow(null);
    }

    @Override
    public void close() {
      byExecution.computeIfPresent(
          executionId,
          (k, set) -> {
            set.remove(done);
            return set.isEmpty() ? null : set;
          });
    }
  }

  /**
   * @throws ApiException 429 when the user already has the most waiting requests allowed
   */
  Seat seat(String userId) {
    int max = properties.maxWaitingPerUser();
    boolean[] admitted = new boolean[1];
    byUser.compute(
        userId,
        (k, n) -> {
          int current = n == null ? 0 : n;
          admitted[0] = current < max;
          return admitted[0] ? current + 1 : n;
        });
    if (!admitted[0]) {
      throw ApiException.tooManyRequests(
          "TOO_MANY_WAITING", "At most " + max + " waiting requests per user", 1);
    }
    return new Seat(userId);
  }

  /** Wakes the waiter when the execution ends; whether it counts is up to its {@link Seat}. */
  Waiter register(String executionId) {
    Waiter waiter = new Waiter(executionId);
    byExecution.compute(
        executionId,
        (k, set) -> {
          Set<CompletableFuture<ExecutionState>> waiting =
              set == null ? ConcurrentHashMap.newKeySet() : set;
          waiting.add(waiter.done);
          return waiting;
        });
    return waiter;
  }

  private void wake(String executionId, ExecutionState ended) {
    Set<CompletableFuture<ExecutionState>> set = byExecution.get(executionId);
    if (set != null) {
      set.forEach(f -> f.complete(ended));
    }
  }

  @EventListener
  void on(ExecutionFinished finished) {
    wake(finished.executionId(), finished.state());
  }

  @EventListener
  void on(ExecutionProgressed event) {
    if (event.isTerminal()) {
      wake(event.executionId(), null);
    }
  }
}
