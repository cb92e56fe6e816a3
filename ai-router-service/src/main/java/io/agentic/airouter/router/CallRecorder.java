package io.agentic.airouter.router;

import io.agentic.airouter.cost.PriceTable;
import io.agentic.airouter.metrics.RouterMetrics;
import io.agentic.airouter.provider.ProviderException;
import io.agentic.airouter.provider.ProviderException.Kind;
import io.agentic.airouter.provider.TokenUsage;
import io.agentic.airouter.quota.ProviderQuotas;
import io.agentic.airouter.quota.QuotaUnavailableException;
import io.agentic.airouter.quota.UserBudgets;
import io.agentic.airouter.resilience.AttemptObserver;
import io.agentic.airouter.resilience.ProviderHealth;
import io.agentic.airouter.router.AiOutcome.Spend;
import io.agentic.airouter.routing.RouteTarget;
import io.agentic.contracts.ai.AiCallRecorded;
import io.agentic.platform.observability.AgenticMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts for every provider call as it ends: the provider's health, its daily quota, the user's
 * budget, the step's running totals, one {@link AiCallRecorded} on {@code ai.usage.v1} and the
 * {@code agentic.provider.calls} metric.
 */
final class CallRecorder {

  private static final Logger log = LoggerFactory.getLogger(CallRecorder.class);

  private final ProviderHealth health;
  private final ProviderQuotas quotas;
  private final UserBudgets budgets;
  private final PriceTable prices;
  private final UsageRecorder usage;
  private final RouterMetrics metrics;
  private final Clock clock;

  CallRecorder(
      ProviderHealth health,
      ProviderQuotas quotas,
      UserBudgets budgets,
      PriceTable prices,
      UsageRecorder usage,
      RouterMetrics metrics,
      Clock clock) {
    this.health = health;
    this.quotas = quotas;
    this.budgets = budgets;
    this.prices = prices;
    this.usage = usage;
    this.metrics = metrics;
    this.clock = clock;
  }

  Tally tally(AiTask task, CallContext context) {
    return new Tally(task, context);
  }

  /** One step's calls. */
  final class Tally {
    private final AiTask task;
    private final CallContext context;
    private final List<String> fallbackFrom = new ArrayList<>();
    private int calls;
    private long tokens;
    private double cost;

    private Tally(AiTask task, CallContext context) {
      this.task = task;
      this.context = context;
    }

    AttemptObserver<Answer> observer(RouteTarget target) {
      return new AttemptObserver<>() {
        @Override
        public void succeeded(Answer answer, Duration latency) {
          health.record(target.provider(), true, latency);
          metrics.providerCall(target.provider(), AgenticMetrics.SUCCESS, latency);
          counted(target, answer.usage(), latency, "success");
        }

        @Override
        public void failed(ProviderException failure, Duration latency) {
          if (failure.kind() == Kind.UNAUTHORIZED) {
            health.markUnauthorized(target.provider());
          }
          if (failure.countsAgainstProvider()) {
            health.record(target.provider(), false, latency);
          }
          metrics.providerCall(target.provider(), metricOutcome(failure), latency);
          counted(target, failure.spent(), latency, outcome(failure));
        }
      };
    }

    synchronized void failedOver(String provider) {
      if (!fallbackFrom.contains(provider)) {
        fallbackFrom.add(provider);
      }
    }

    void cacheHit(RouteTarget target) {
      publish(target, TokenUsage.NONE, 0.0, Duration.ZERO, "success", true);
    }

    synchronized List<String> fallbackFrom() {
      return List.copyOf(fallbackFrom);
    }

    synchronized int calls() {
      return calls;
    }

    synchronized Spend spend() {
      return new Spend(calls, tokens, cost);
    }

    private void counted(RouteTarget target, TokenUsage used, Duration latency, String outcome) {
      double callCost = prices.costUsd(target.provider(), target.model(), used);
      synchronized (this) {
        calls++;
        tokens += used.totalTokens();
        cost += callCost;
      }
      try {
        quotas.record(target.provider(), 1, used.totalTokens());
        budgets.record(context.userId(), used.totalTokens());
      } catch (QuotaUnavailableException e) {
        log.warn("AI call to {} not counted against quotas: {}", target.provider(), e.getMessage());
      }
      publish(target, used, callCost, latency, outcome, false);
    }

    private void publish(
        RouteTarget target,
        TokenUsage used,
        double callCost,
        Duration latency,
        String outcome,
        boolean cached) {
      usage.record(
          new AiCallRecorded(
              UUID.randomUUID().toString(),
              context.executionId(),
              context.stepId(),
              context.userId(),
              target.provider(),
              target.model(),
              task.taskType().wireName(),
              latency.toMillis(),
              used.promptTokens(),
              used.completionTokens(),
              used.totalTokens(),
              callCost,
              outcome,
              fallbackFrom(),
              cached,
              clock.instant()));
    }
  }

  /** A target the router did not call: its circuit is open, its bulkhead full or its quota used. */
  void rejected(String provider) {
    metrics.providerCall(provider, AgenticMetrics.REJECTED, Duration.ZERO);
  }

  private static String metricOutcome(ProviderException failure) {
    return switch (failure.kind()) {
      case TIMEOUT, DEADLINE -> AgenticMetrics.TIMEOUT;
      case RATE_LIMITED -> AgenticMetrics.RATE_LIMITED;
      case CIRCUIT_OPEN, BUSY -> AgenticMetrics.REJECTED;
      default -> AgenticMetrics.FAILURE;
    };
  }

  private static String outcome(ProviderException failure) {
    return switch (failure.kind()) {
      case TIMEOUT, DEADLINE -> "timeout";
      case RATE_LIMITED -> "rate_limited";
      default -> "error";
    };
  }
}
