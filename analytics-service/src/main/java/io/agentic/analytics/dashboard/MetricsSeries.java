package io.agentic.analytics.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Per-minute figures over {@code [from, to)}, one entry per minute (empty minutes included).
 *
 * @param from the first minute
 */
record MetricsSeries(Instant from, Instant to, List<Minute> series) {

  /**
   * @param durationMsP50 of the executions that ended in this minute (within 2 %); null if none
   */
  record Minute(
      Instant minute,
      long started,
      long completed,
      long failed,
      long cancelled,
      Long durationMsP50,
      Long durationMsP95,
      Map<String, ProviderView> providers) {}
}
