package io.agentic.expression;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.values.CelByteString;
import dev.cel.runtime.CelEvaluationListener;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Stops a runaway evaluation. CEL calls this listener after every node of the expression it
 * evaluates (on the evaluating thread), so checking here bounds the time between checks by the cost
 * of one function call, whose inputs are in turn bounded by the checks before it. It enforces the
 * wall-clock budget, honours interruption, and caps how much an evaluation may build:
 *
 * <ul>
 *   <li>a function call is charged the size of its result (characters, bytes, items), except calls
 *       that only hand back a value that already exists, such as indexing;
 *   <li>a list or map literal — including the one-item list each step of {@code map} or {@code
 *       filter} appends — is charged the full size of what it holds. Holding a value is cheap in
 *       CEL, but anything that later prints or copies the list (an error message, {@code join}, the
 *       JSON result) pays for every copy: {@code lists.range(10000).map(i, bigText)} must cost what
 *       it would cost to write out.
 * </ul>
 */
final class EvaluationBudget implements CelEvaluationListener {

  /** Characters plus list/map items one evaluation may build; also caps one result's size. */
  static final long DEFAULT_MAX_UNITS = 32L * 1024 * 1024;

  private static final Set<String> REFERENCE_FUNCTIONS = Set.of("_[_]", "_?_:_", "dyn");

  /**
   * Steps taken before the clock is looked at. A short expression is never cut short for time:
   * whatever made it late (a GC pause, a busy CPU) was not its own doing, the work is already done
   * when the listener runs, and its cost is bounded by the size limits anyway. Runaways are loops,
   * and loops take many steps.
   */
  private static final int STEPS_BEFORE_CLOCK = 32;

  private final long deadlineNanos;
  private final Duration timeout;
  private final Set<Long> accumulationSteps;
  private final long maxUnits;
  private long unitsBuilt;
  private int steps;

  EvaluationBudget(Duration timeout, Set<Long> accumulationSteps, long maxUnits) {
    this.timeout = timeout;
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    this.accumulationSteps = accumulationSteps;
    this.maxUnits = maxUnits;
  }

  long maxUnits() {
    return maxUnits;
  }

  @Override
  public void callback(CelExpr expr, Object result) {
    if (steps < STEPS_BEFORE_CLOCK) {
      steps++;
      checkInterrupted();
    } else {
      checkTime();
    }
    switch (expr.getKind()) {
      case LIST, MAP -> charge(fullSize(result, maxUnits - unitsBuilt + 1));
      case CALL -> {
        if (!REFERENCE_FUNCTIONS.contains(expr.call().function())
            && !accumulationSteps.contains(expr.id())) {
          charge(ownSize(result));
        }
      }
      default -> {}
    }
  }

  /** Aborts when the deadline has passed or the thread was interrupted. */
  void checkTime() {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw EvaluationAbort.limit("it ran longer than " + timeout.toMillis() + " ms");
    }
    checkInterrupted();
  }

  private static void checkInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw EvaluationAbort.limit("its evaluation was interrupted");
    }
  }

  private void charge(long units) {
    unitsBuilt += units;
    if (unitsBuilt > maxUnits) {
      throw EvaluationAbort.limit(
          "it built more than " + maxUnits + " characters and list or map items");
    }
  }

  /** Characters of a string or bytes, items of a list or map, not counting what they hold. */
  private static long ownSize(Object value) {
    return switch (value) {
      case String s -> s.length();
      case CelByteString bytes -> bytes.size();
      case Collection<?> c -> c.size();
      case Map<?, ?> m -> m.size();
      case null, default -> 0;
    };
  }

  /**
   * Items plus characters of everything a value holds, counted up to {@code limit} and no further
   * (so counting never costs more than the budget it charges).
   */
  private static long fullSize(Object value, long limit) {
    return switch (value) {
      case Collection<?> collection -> {
        long size = 0;
        for (Object item : collection) {
          size += 1 + fullSize(item, limit - size);
          if (size > limit) {
            break;
          }
        }
        yield size;
      }
      case Map<?, ?> map -> {
        long size = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          size += 1 + ownSize(entry.getKey()) + fullSize(entry.getValue(), limit - size);
          if (size > limit) {
            break;
          }
        }
        yield size;
      }
      default -> ownSize(value);
    };
  }
}
