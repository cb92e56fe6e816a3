package io.agentic.airouter.resilience;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each provider's recent outcomes on this instance: the failure rate and median latency behind
 * {@code GET /api/ai/providers}, and whether its key was refused.
 */
public final class ProviderHealth {

  private final int window;
  private final Map<String, Outcomes> outcomes = new ConcurrentHashMap<>();

  public ProviderHealth(int window) {
    this.window = Math.max(1, window);
  }

  /** One call's outcome; a success also clears a refused key (someone fixed it). */
  public void record(String provider, boolean success, Duration latency) {
    outcomes.computeIfAbsent(provider, p -> new Outcomes()).add(success, latency.toMillis());
  }

  public void markUnauthorized(String provider) {
    outcomes.computeIfAbsent(provider, p -> new Outcomes()).unauthorized = true;
  }

  public boolean unauthorized(String provider) {
    Outcomes o = outcomes.get(provider);
    return o != null && o.unauthorized;
  }

  /** Share of failures among the recent calls; 0 when there were none. */
  public double failureRate(String provider) {
    Outcomes o = outcomes.get(provider);
    return o == null ? 0 : o.failureRate();
  }

  /** Median latency of the recent successful calls. */
  public OptionalLong latencyP50(String provider) {
    Outcomes o = outcomes.get(provider);
    return o == null ? OptionalLong.empty() : o.p50();
  }

  private final class Outcomes {
    private final Deque<long[]> recent = new ArrayDeque<>();
    private volatile boolean unauthorized;

    synchronized void add(boolean success, long latencyMs) {
      recent.addLast(new long[] {success ? 1 : 0, latencyMs});
      while (recent.size() > window) {
        recent.removeFirst();
      }
      if (success) {
        unauthorized = false;
      }
    }

    synchronized double failureRate() {
      if (recent.isEmpty()) {
        return 0;
      }
      return recent.stream().filter(o -> o[0] == 0).count() / (double) recent.size();
    }

    synchronized OptionalLong p50() {
      List<Long> latencies =
          recent.stream().filter(o -> o[0] == 1).map(o -> o[1]).sorted().toList();
      return latencies.isEmpty()
          ? OptionalLong.empty()
          : OptionalLong.of(latencies.get((latencies.size() - 1) / 2));
    }
  }
}
