package io.agentic.analytics.dashboard;

import io.agentic.analytics.topology.ProviderFigures;

/** One provider's calls over a period, as the API shows them. */
record ProviderView(
    long calls,
    long errors,
    Double errorRate,
    Long latencyMsP50,
    Long latencyMsP95,
    long tokens,
    double costUsd) {

  static ProviderView of(ProviderFigures figures) {
    return new ProviderView(
        figures.calls(),
        figures.errors(),
        Rounding.rate(figures.errorRate()),
        figures.latency().quantile(0.5),
        figures.latency().quantile(0.95),
        figures.tokens(),
        Rounding.usd(figures.costUsd()));
  }

  /**
   * {@code idle} without calls in the window; {@code down} when at least half failed, {@code
   * degraded} from one in ten, else {@code healthy}.
   */
  static String statusOf(ProviderFigures recent) {
    if (recent.calls() == 0) {
      return "idle";
    }
    double errorRate = recent.errorRate();
    if (errorRate >= 0.5) {
      return "down";
    }
    return errorRate >= 0.1 ? "degraded" : "healthy";
  }
}
