package io.agentic.airouter.router;

import io.agentic.airouter.AiRouterProperties.Model;
import io.agentic.airouter.cost.PriceTable;
import io.agentic.airouter.metrics.RouterMetrics;
import io.agentic.airouter.provider.ProviderClient;
import io.agentic.airouter.provider.ProviderClients;
import io.agentic.airouter.provider.ProviderException;
import io.agentic.airouter.provider.ProviderException.Kind;
import io.agentic.airouter.quota.ProviderQuotas;
import io.agentic.airouter.quota.UserBudgets;
import io.agentic.airouter.resilience.Deadline;
import io.agentic.airouter.resilience.ProviderGuards;
import io.agentic.airouter.resilience.ProviderHealth;
import io.agentic.airouter.routing.RouteTarget;
import io.agentic.airouter.routing.TaskType;
import java.time.Clock;
import java.util.Optional;

/**
 * An admin's check of one provider: a single call of its default model with a trivial prompt,
 * bypassing cache, retries and the circuit breaker (a success closes the circuit again). Counted
 * like any call: quota, usage record, health.
 */
public final class ProviderProbe {

  private final ProviderClients clients;
  private final ProviderGuards guards;
  private final PriceTable prices;
  private final CallRecorder calls;

  public ProviderProbe(
      ProviderClients clients,
      ProviderGuards guards,
      ProviderHealth health,
      ProviderQuotas quotas,
      UserBudgets budgets,
      PriceTable prices,
      UsageRecorder usage,
      RouterMetrics metrics,
      Clock clock) {
    this.clients = clients;
    this.guards = guards;
    this.prices = prices;
    this.calls = new CallRecorder(health, quotas, budgets, prices, usage, metrics, clock);
  }

  public Result probe(String provider, CallContext context, Deadline deadline) {
    Optional<String> model =
        prices.defaultChatModel(provider).or(() -> prices.defaultClassificationModel(provider));
    Optional<ProviderClient> client = clients.client(provider);
    if (client.isEmpty() || model.isEmpty()) {
      return new Result(provider, model.orElse(null), false, 0, null, "unconfigured");
    }
    boolean classifier =
        prices.model(provider, model.get()).map(Model::classification).orElse(false);
    AiTask task =
        new AiTask(
            classifier ? TaskType.SENTIMENT_ANALYSIS : TaskType.GENERAL,
            classifier ? "What a lovely day." : "Reply with the single word OK.",
            null,
            null,
            null,
            provider,
            model.get(),
            false);
    long start = System.nanoTime();
    try {
      Answer answer =
          guards.callOnce(
              provider,
              deadline,
              classifier
                  ? () -> Answer.classify(client.get(), model.get(), task.prompt())
                  : () -> Answer.chat(client.get(), model.get(), task),
              calls.tally(task, context).observer(new RouteTarget(provider, model.get())));
      return new Result(provider, model.get(), true, since(start), abbreviate(answer.text()), null);
    } catch (ProviderException e) {
      if (e.kind() == Kind.UNAUTHORIZED) {
        guards.markUnauthorized(provider);
      }
      return new Result(provider, model.get(), false, since(start), null, e.getMessage());
    }
  }

  private static long since(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }

  /**
   * One provider's test.
   *
   * @param answer the start of what it answered, when it did
   * @param error why it failed, e.g. {@code 401 unauthorized}; null when it answered
   */
  public record Result(
      String provider, String model, boolean ok, long latencyMs, String answer, String error) {}
}
