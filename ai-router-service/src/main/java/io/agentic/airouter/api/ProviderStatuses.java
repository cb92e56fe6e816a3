package io.agentic.airouter.api;

import io.agentic.airouter.cost.PriceTable;
import io.agentic.airouter.provider.ProviderClients;
import io.agentic.airouter.quota.ProviderQuotas;
import io.agentic.airouter.quota.QuotaUnavailableException;
import io.agentic.airouter.resilience.ProviderGuards;
import io.agentic.airouter.resilience.ProviderHealth;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Each provider's status: {@code unconfigured} without a key; {@code down} when its key was refused
 * or its circuit is open; {@code degraded} while the circuit is half-open, its daily quota is used
 * up, or at least {@link #DEGRADED_FAILURE_RATE} of its recent calls failed; otherwise {@code
 * healthy}.
 */
public final class ProviderStatuses {

  static final double DEGRADED_FAILURE_RATE = 0.2;

  private final ProviderClients clients;
  private final ProviderGuards guards;
  private final ProviderHealth health;
  private final ProviderQuotas quotas;
  private final PriceTable prices;

  public ProviderStatuses(
      ProviderClients clients,
      ProviderGuards guards,
      ProviderHealth health,
      ProviderQuotas quotas,
      PriceTable prices) {
    this.clients = clients;
    this.guards = guards;
    this.health = health;
    this.quotas = quotas;
    this.prices = prices;
  }

  public List<ProviderStatus> all() {
    return clients.names().stream().map(this::status).toList();
  }

  ProviderStatus status(String name) {
    State state = guards.breaker(name).getState();
    ProviderStatus.Quota quota = quota(name);
    OptionalLong p50 = health.latencyP50(name);
    return new ProviderStatus(
        name,
        clients.configured(name),
        status(name, state, quota),
        state.name().toLowerCase(Locale.ROOT),
        prices.models(name),
        quota,
        p50.isPresent() ? p50.getAsLong() : null);
  }

  private String status(String name, State state, ProviderStatus.Quota quota) {
    if (!clients.configured(name)) {
      return "unconfigured";
    }
    if (health.unauthorized(name) || state == State.OPEN || state == State.FORCED_OPEN) {
      return "down";
    }
    boolean quotaUsedUp =
        (quota.limit() != null && quota.used() != null && quota.used() >= quota.limit())
            || (quota.tokenLimit() != null
                && quota.tokensUsed() != null
                && quota.tokensUsed() >= quota.tokenLimit());
    if (state == State.HALF_OPEN
        || quotaUsedUp
        || health.failureRate(name) >= DEGRADED_FAILURE_RATE) {
      return "degraded";
    }
    return "healthy";
  }

  private ProviderStatus.Quota quota(String name) {
    Long limit = quotas.requestLimit(name) > 0 ? quotas.requestLimit(name) : null;
    Long tokenLimit = quotas.tokenLimit(name) > 0 ? quotas.tokenLimit(name) : null;
    try {
      ProviderQuotas.Usage usage = quotas.usage(name);
      return new ProviderStatus.Quota(usage.requests(), limit, usage.tokens(), tokenLimit);
    } catch (QuotaUnavailableException e) {
      return new ProviderStatus.Quota(null, limit, null, tokenLimit);
    }
  }
}
