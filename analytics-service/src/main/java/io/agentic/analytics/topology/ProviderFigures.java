package io.agentic.analytics.topology;

/**
 * One AI provider's calls over a period.
 *
 * @param errors calls whose outcome was not {@code success}
 * @param latency the calls' latencies, in milliseconds
 * @param tokens total tokens (prompt and completion)
 */
public record ProviderFigures(
    long calls, long errors, LogHistogram latency, long tokens, double costUsd) {

  private static final ProviderFigures NONE = new ProviderFigures(0, 0, LogHistogram.empty(), 0, 0);

  public ProviderFigures {
    latency = latency == null ? LogHistogram.empty() : latency;
  }

  public static ProviderFigures none() {
    return NONE;
  }

  ProviderFigures add(AiCallFact call) {
    return new ProviderFigures(
        calls + 1,
        errors + (call.error() ? 1 : 0),
        latency.add(call.latencyMs()),
        tokens + call.tokens(),
        costUsd + call.costUsd());
  }

  public ProviderFigures merge(ProviderFigures other) {
    return new ProviderFigures(
        calls + other.calls,
        errors + other.errors,
        latency.merge(other.latency),
        tokens + other.tokens,
        costUsd + other.costUsd);
  }

  /** Errors per call, null without calls. */
  public Double errorRate() {
    return calls == 0 ? null : (double) errors / calls;
  }
}
