package io.agentic.airouter.resilience;

import io.agentic.airouter.AiRouterProperties;
import io.agentic.airouter.provider.ProviderException;
import io.agentic.airouter.provider.ProviderException.Kind;
import io.agentic.platform.observability.ContextExecutors;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a provider through its resilience4j guards, outermost first: a bounded retry that honours
 * {@code Retry-After} but never waits past the step's deadline, a circuit breaker, a bulkhead, and
 * a time limit of the configured call timeout or the time the step has left, whichever is shorter.
 */
public final class ProviderGuards implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ProviderGuards.class);

  /** Not worth retrying when less than this would be left for the call itself. */
  private static final Duration SHORTEST_USEFUL_CALL = Duration.ofMillis(100);

  private final AiRouterProperties.Retry retrySettings;
  private final Duration callTimeout;
  private final CircuitBreakerRegistry breakers;
  private final RetryRegistry retries;
  private final BulkheadRegistry bulkheads;
  private final TimeLimiterRegistry timeLimiters;

  /** Each call on a thread of its own, in the caller's trace and log context. */
  private final ExecutorService calls =
      ContextExecutors.wrap(Executors.newVirtualThreadPerTaskExecutor());

  public ProviderGuards(AiRouterProperties properties, Clock clock) {
    AiRouterProperties.Resilience settings = properties.resilience();
    this.retrySettings = settings.retry();
    this.callTimeout = properties.http().callTimeout();
    AiRouterProperties.CircuitBreaker cb = settings.circuitBreaker();
    this.breakers =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(cb.slidingWindowSize())
                .minimumNumberOfCalls(cb.minimumCalls())
                .failureRateThreshold(cb.failureRatePercent())
                .waitDurationInOpenState(cb.openFor())
                .permittedNumberOfCallsInHalfOpenState(cb.halfOpenCalls())
                .recordException(ProviderGuards::countsAgainstProvider)
                .ignoreException(e -> !countsAgainstProvider(e))
                .clock(clock)
                .build());
    this.retries =
        RetryRegistry.of(
            RetryConfig.custom()
                .maxAttempts(Math.max(1, retrySettings.maxAttempts()))
                .retryOnException(e -> e instanceof ProviderException p && p.retryable())
                .intervalBiFunction((attempts, outcome) -> waitMillis(attempts, outcome.getLeft()))
                .build());
    this.bulkheads =
        BulkheadRegistry.of(
            BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build());
    this.timeLimiters =
        TimeLimiterRegistry.of(
            TimeLimiterConfig.custom()
                .timeoutDuration(callTimeout)
                .cancelRunningFuture(true)
                .build());
  }

  /**
   * Runs {@code attempt} against {@code provider} until it answers, fails for good, or the deadline
   * leaves no room for another try. {@code observer} hears of every call actually made.
   *
   * @throws ProviderException why the provider could not answer, including {@link
   *     Kind#CIRCUIT_OPEN} and {@link Kind#BUSY} when no call was made
   */
  public <T> T call(
      String provider, Deadline deadline, Callable<T> attempt, AttemptObserver<T> observer) {
    CheckedSupplier<T> observed =
        () -> {
          long start = System.nanoTime();
          try {
            T answer = timeLimited(provider, deadline, attempt);
            observer.succeeded(answer, Duration.ofNanos(System.nanoTime() - start));
            return answer;
          } catch (ProviderException e) {
            observer.failed(e, Duration.ofNanos(System.nanoTime() - start));
            throw e;
          }
        };
    CheckedSupplier<T> guarded =
        CircuitBreaker.decorateCheckedSupplier(
            breaker(provider),
            Bulkhead.decorateCheckedSupplier(bulkheads.bulkhead(provider), observed));
    AtomicInteger tries = new AtomicInteger();
    CheckedSupplier<T> judged =
        () -> {
          int tried = tries.incrementAndGet();
          try {
            return guarded.get();
          } catch (ProviderException e) {
            if (e.retryable()
                && (tried >= retrySettings.maxAttempts()
                    || !worthWaiting(waitMillis(tried, e), deadline))) {
              throw e.notRetryable();
            }
            throw e;
          }
        };
    try {
      return Retry.decorateCheckedSupplier(retries.retry(provider), judged).get();
    } catch (ProviderException e) {
      throw e;
    } catch (CallNotPermittedException e) {
      throw new ProviderException(Kind.CIRCUIT_OPEN, 0, "circuit open");
    } catch (BulkheadFullException e) {
      throw new ProviderException(Kind.BUSY, 0, "too many concurrent calls");
    } catch (Throwable e) {
      log.warn("Unexpected failure calling AI provider {}", provider, e);
      throw new ProviderException(Kind.BAD_RESPONSE, 0, "unreadable answer");
    }
  }

  /**
   * One call with only the time limit: an admin's test of a provider must reach it even when its
   * circuit is open. A success closes the circuit, since the provider evidently works again.
   */
  public <T> T callOnce(
      String provider, Deadline deadline, Callable<T> attempt, AttemptObserver<T> observer) {
    long start = System.nanoTime();
    try {
      T answer = timeLimited(provider, deadline, attempt);
      observer.succeeded(answer, Duration.ofNanos(System.nanoTime() - start));
      breaker(provider).transitionToClosedState();
      return answer;
    } catch (ProviderException e) {
      observer.failed(e, Duration.ofNanos(System.nanoTime() - start));
      throw e;
    }
  }

  public CircuitBreaker breaker(String provider) {
    return breakers.circuitBreaker(provider);
  }

  /** A refused key: stop calling the provider until the breaker half-opens again. */
  public void markUnauthorized(String provider) {
    breaker(provider).transitionToOpenState();
  }

  private <T> T timeLimited(String provider, Deadline deadline, Callable<T> attempt) {
    Duration left = deadline.remaining();
    if (left.compareTo(SHORTEST_USEFUL_CALL) < 0) {
      throw new ProviderException(Kind.DEADLINE, 0, "step deadline reached");
    }
    boolean cutByDeadline = left.compareTo(callTimeout) < 0;
    TimeLimiter limiter =
        cutByDeadline
            ? TimeLimiter.of(
                provider,
                TimeLimiterConfig.custom().timeoutDuration(left).cancelRunningFuture(true).build())
            : timeLimiters.timeLimiter(provider);
    try {
      return limiter.executeFutureSupplier(() -> calls.submit(attempt));
    } catch (ProviderException e) {
      throw e;
    } catch (TimeoutException e) {
      throw cutByDeadline
          ? new ProviderException(Kind.DEADLINE, 0, "step deadline reached")
          : new ProviderException(Kind.TIMEOUT, 0, "timeout");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(Kind.DEADLINE, 0, "interrupted");
    } catch (ExecutionException e) {
      throw unexpected(provider, e.getCause());
    } catch (Exception e) {
      throw unexpected(provider, e);
    }
  }

  private static ProviderException unexpected(String provider, Throwable e) {
    if (e instanceof ProviderException p) {
      return p;
    }
    log.warn("Unreadable answer from AI provider {}", provider, e);
    return new ProviderException(Kind.BAD_RESPONSE, 0, "unreadable answer");
  }

  private long waitMillis(int attempts, Throwable failure) {
    if (failure instanceof ProviderException p && p.retryAfter().isPresent()) {
      return p.retryAfter().get().toMillis();
    }
    double backoff =
        retrySettings.initialBackoff().toMillis()
            * Math.pow(retrySettings.backoffMultiplier(), Math.max(0, attempts - 1));
    return (long) backoff;
  }

  private boolean worthWaiting(long waitMillis, Deadline deadline) {
    return waitMillis <= retrySettings.maxRetryAfter().toMillis()
        && Duration.ofMillis(waitMillis).plus(SHORTEST_USEFUL_CALL).compareTo(deadline.remaining())
            < 0;
  }

  private static boolean countsAgainstProvider(Throwable e) {
    return e instanceof ProviderException p && p.countsAgainstProvider();
  }

  @Override
  public void close() {
    calls.shutdownNow();
  }
}
