package io.agentic.airouter.router;

import io.agentic.airouter.AiRouterProperties.Model;
import io.agentic.airouter.cache.AnswerCache;
import io.agentic.airouter.cost.PriceTable;
import io.agentic.airouter.metrics.RouterMetrics;
import io.agentic.airouter.provider.ProviderClient;
import io.agentic.airouter.provider.ProviderClients;
import io.agentic.airouter.provider.ProviderException;
import io.agentic.airouter.provider.ProviderException.Kind;
import io.agentic.airouter.quota.ProviderQuotas;
import io.agentic.airouter.quota.QuotaUnavailableException;
import io.agentic.airouter.quota.UserBudgets;
import io.agentic.airouter.resilience.Deadline;
import io.agentic.airouter.resilience.ProviderGuards;
import io.agentic.airouter.resilience.ProviderHealth;
import io.agentic.airouter.router.AiOutcome.Answered;
import io.agentic.airouter.router.AiOutcome.Failed;
import io.agentic.airouter.router.AiOutcome.Spend;
import io.agentic.airouter.routing.RouteTarget;
import io.agentic.airouter.routing.RoutingTable;
import io.agentic.airouter.routing.TaskType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Answers one AI task, for a workflow step and for the OpenAI-compatible door alike: from the cache
 * when the request is deterministic, otherwise down the task's route — skipping unconfigured,
 * over-quota and open-circuit providers, falling back on failures — until a provider answers or the
 * deadline passes. Streamed answers go the same way, except that once a piece of the answer was
 * handed on, a failure ends the answer instead of falling back.
 */
public final class AiRouter {

  public static final String PROVIDERS_FAILED = "AI_PROVIDERS_FAILED";
  public static final String MODEL_NOT_ALLOWED = "MODEL_NOT_ALLOWED";
  public static final String BUDGET_EXCEEDED = "BUDGET_EXCEEDED";
  public static final String QUOTA_UNAVAILABLE = "QUOTA_UNAVAILABLE";

  private static final String OVER_QUOTA = "daily quota used up";
  private static final String DEADLINE_REACHED = "not tried, step deadline reached";

  private final ProviderClients clients;
  private final ProviderGuards guards;
  private final ProviderQuotas quotas;
  private final UserBudgets budgets;
  private final PriceTable prices;
  private final Supplier<RoutingTable> routes;
  private final Targets targets;
  private final RouterCache cache;
  private final CallRecorder calls;

  public AiRouter(
      ProviderClients clients,
      ProviderGuards guards,
      ProviderHealth health,
      ProviderQuotas quotas,
      UserBudgets budgets,
      AnswerCache cache,
      PriceTable prices,
      Supplier<RoutingTable> routes,
      UsageRecorder usage,
      RouterMetrics metrics,
      Clock clock) {
    this.clients = clients;
    this.guards = guards;
    this.quotas = quotas;
    this.budgets = budgets;
    this.prices = prices;
    this.routes = routes;
    this.targets = new Targets(clients, prices);
    this.cache = new RouterCache(cache, prices, metrics);
    this.calls = new CallRecorder(health, quotas, budgets, prices, usage, metrics, clock);
  }

  /** The whole answer at once. */
  public AiOutcome answer(AiTask task, CallContext context, Deadline deadline) {
    return run(task, context, deadline, null);
  }

  /**
   * The answer, also handed to {@code stream} piece by piece as the answering provider streams it
   * (in one piece when it comes from the cache or had to be checked first, see {@link
   * AiTask#checked()}). The outcome is the same as {@link #answer}'s.
   */
  public AiOutcome stream(
      AiTask task, CallContext context, Deadline deadline, AnswerStream stream) {
    return run(task, context, deadline, Objects.requireNonNull(stream));
  }

  private AiOutcome run(AiTask task, CallContext context, Deadline deadline, AnswerStream stream) {
    List<RouteTarget> route;
    try {
      route = targets.of(task, routes.get());
    } catch (ModelNotAllowedException e) {
      return new Failed(MODEL_NOT_ALLOWED, e.getMessage(), false, Spend.NONE);
    }
    CallRecorder.Tally tally = calls.tally(task, context);
    try {
      if (budgets.exhausted(context.userId())) {
        return new Failed(
            BUDGET_EXCEEDED, "The daily AI token budget is used up", false, Spend.NONE);
      }
      Optional<AiOutput> cached = cache.lookup(task, context, route);
      if (cached.isPresent()) {
        RouteTarget target = new RouteTarget(cached.get().provider(), cached.get().model());
        tally.cacheHit(target);
        if (stream != null) {
          stream.delta(target, ClientContent.of(cached.get()));
        }
        return new Answered(cached.get(), Spend.NONE);
      }
      return down(route, task, context, deadline, tally, stream);
    } catch (QuotaUnavailableException e) {
      return new Failed(
          QUOTA_UNAVAILABLE, "AI quotas cannot be checked right now", true, tally.spend());
    }
  }

  private AiOutcome down(
      List<RouteTarget> route,
      AiTask task,
      CallContext context,
      Deadline deadline,
      CallRecorder.Tally tally,
      AnswerStream stream) {
    List<String> reasons = new ArrayList<>();
    // targets that could have answered this task, and those of them stopped only by their quota
    int usable = 0;
    int overQuota = 0;
    // whether the deadline stopped a call or kept a target from being tried
    boolean outOfTime = false;
    for (RouteTarget target : route) {
      Optional<String> skip = skipReason(target, task, deadline);
      if (skip.isPresent()) {
        reasons.add(target.provider() + ": " + skip.get());
        if (skip.get().equals(OVER_QUOTA)) {
          calls.rejected(target.provider());
          usable++;
          overQuota++;
        } else if (skip.get().equals(DEADLINE_REACHED)) {
          outOfTime = true;
          usable++;
        }
        continue;
      }
      usable++;
      StreamGate gate = stream == null ? null : new StreamGate(target, stream);
      try {
        Answer answer = ask(target, task, deadline, tally, gate);
        cache.store(target, task, context, answer);
        AiOutput output =
            new AiOutput(
                answer.text(),
                answer.json(),
                target.provider(),
                target.model(),
                tally.fallbackFrom(),
                false,
                answer.usage(),
                prices.costUsd(target.provider(), target.model(), answer.usage()),
                tally.calls(),
                answer.finishReason());
        return new Answered(output, tally.spend());
      } catch (ProviderException e) {
        if (e.kind() == Kind.CANCELLED) {
          return new Failed(
              PROVIDERS_FAILED, "The answer is no longer awaited", false, tally.spend());
        }
        if (e.kind() == Kind.UNAUTHORIZED) {
          guards.markUnauthorized(target.provider());
        }
        reasons.add(target.provider() + ": " + e.getMessage());
        if (e.kind() == Kind.CIRCUIT_OPEN || e.kind() == Kind.BUSY) {
          calls.rejected(target.provider());
        } else {
          tally.failedOver(target.provider());
        }
        outOfTime |= e.kind() == Kind.DEADLINE;
        // closed first, so that no late piece can slip out once the next provider is asked
        if (gate != null && gate.close()) {
          // part of this provider's answer is out: another provider's would not continue it
          return new Failed(
              PROVIDERS_FAILED,
              target.provider() + " failed in the middle of its answer: " + e.getMessage(),
              true,
              tally.spend());
        }
      } finally {
        if (gate != null) {
          gate.close();
        }
      }
    }
    String message =
        route.isEmpty()
            ? "No AI provider is routed for " + task.taskType().wireName()
            : "No AI provider could answer: " + String.join("; ", reasons);
    return new Failed(
        PROVIDERS_FAILED,
        message,
        true,
        tally.spend(),
        usable > 0 && usable == overQuota,
        outOfTime);
  }

  private Optional<String> skipReason(RouteTarget target, AiTask task, Deadline deadline) {
    if (!clients.configured(target.provider())) {
      return Optional.of("unconfigured");
    }
    Optional<Model> model = prices.model(target.provider(), target.model());
    if (model.isEmpty()) {
      return Optional.of("model " + target.model() + " has no price");
    }
    if (model.get().classification() && task.taskType() != TaskType.SENTIMENT_ANALYSIS) {
      return Optional.of("model " + target.model() + " only classifies sentiment");
    }
    if (quotas.exhausted(target.provider())) {
      return Optional.of(OVER_QUOTA);
    }
    if (deadline.passed()) {
      return Optional.of(DEADLINE_REACHED);
    }
    return Optional.empty();
  }

  /**
   * One target's answer through its guards. Streaming, an unchecked chat answer flows through
   * {@code gate} while it arrives (and a call that already let pieces out is not retried); any
   * other answer goes through whole once it proved usable.
   */
  private Answer ask(
      RouteTarget target,
      AiTask task,
      Deadline deadline,
      CallRecorder.Tally tally,
      StreamGate gate) {
    ProviderClient client = clients.client(target.provider()).orElseThrow();
    boolean classifier =
        prices.model(target.provider(), target.model()).map(Model::classification).orElse(false);
    Callable<Answer> attempt;
    if (classifier) {
      attempt = () -> Answer.classify(client, target.model(), task.prompt());
    } else if (gate != null && !task.checked()) {
      attempt =
          () -> {
            try {
              return Answer.stream(client, target.model(), task, gate);
            } catch (ProviderException e) {
              throw gate.started() ? e.notRetryable() : e;
            }
          };
    } else {
      attempt = () -> Answer.chat(client, target.model(), task);
    }
    Answer answer = guards.call(target.provider(), deadline, attempt, tally.observer(target));
    if (gate != null && !gate.started()) {
      gate.accept(ClientContent.of(answer.text(), answer.json()));
    }
    return answer;
  }
}
