package io.agentic.analytics.topology;

/**
 * All-time figures and the executions running now.
 *
 * @param active executions started (or retried) and not yet ended; an end whose start was never
 *     seen (before analytics existed, or beyond the input topics' retention) does not take it below
 *     zero
 */
public record Totals(long active, Figures figures) implements DashboardEntry {

  public Totals {
    figures = figures == null ? Figures.none() : figures;
  }

  public static Totals none() {
    return new Totals(0, Figures.none());
  }

  Totals add(Fact fact) {
    long running = active;
    if (fact instanceof ExecutionFact e) {
      running = e.terminal() ? Math.max(0, active - 1) : active + 1;
    }
    return new Totals(running, figures.add(fact));
  }
}
