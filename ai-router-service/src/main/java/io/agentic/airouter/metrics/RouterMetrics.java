package io.agentic.airouter.metrics;

import io.agentic.platform.observability.AgenticMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * ai-router-service's share of the suite's metrics ({@link AgenticMetrics}): {@code
 * agentic.provider.calls} per provider call, {@code agentic.cache.requests} for the answer cache
 * ({@code cache=ai-answer}) and {@code agentic.steps} for the AI step worker ({@code
 * type=ai_processor}). Provider names come from the configuration, so the series stay few.
 */
public final class RouterMetrics {

  /** The answer cache's {@code cache} tag. */
  public static final String ANSWER_CACHE = "ai-answer";

  /** The AI step's {@code type} tag: its node type, lower case. */
  public static final String AI_PROCESSOR = "ai_processor";

  private final MeterRegistry meters;
  private final Counter cacheHits;
  private final Counter cacheMisses;

  public RouterMetrics(MeterRegistry meters) {
    this.meters = meters;
    this.cacheHits = cacheCounter(meters, AgenticMetrics.HIT);
    this.cacheMisses = cacheCounter(meters, AgenticMetrics.MISS);
  }

  /**
   * One call to a provider, or one it was spared.
   *
   * @param outcome {@link AgenticMetrics#SUCCESS}, {@link AgenticMetrics#FAILURE}, {@link
   *     AgenticMetrics#TIMEOUT}, {@link AgenticMetrics#RATE_LIMITED} or {@link
   *     AgenticMetrics#REJECTED} (not called: circuit open, bulkhead full, over quota)
   */
  public void providerCall(String provider, String outcome, Duration took) {
    Timer.builder(AgenticMetrics.PROVIDER_CALLS)
        .description("Calls to AI providers, each retry counted")
        .tag(AgenticMetrics.PROVIDER, provider)
        .tag(AgenticMetrics.OUTCOME, outcome)
        .register(meters)
        .record(took);
  }

  /** One look-up of a deterministic request in the answer cache. */
  public void cacheRead(boolean hit) {
    (hit ? cacheHits : cacheMisses).increment();
  }

  /**
   * One AI step run by the worker.
   *
   * @param outcome {@link AgenticMetrics#SUCCESS}, {@link AgenticMetrics#FAILURE}, {@link
   *     AgenticMetrics#TIMEOUT} or {@link AgenticMetrics#CANCELLED}
   */
  public void step(String outcome, Duration took) {
    Timer.builder(AgenticMetrics.STEPS)
        .description("Steps run by a worker, from taking one to its result")
        .tag(AgenticMetrics.TYPE, AI_PROCESSOR)
        .tag(AgenticMetrics.OUTCOME, outcome)
        .register(meters)
        .record(took);
  }

  private static Counter cacheCounter(MeterRegistry meters, String result) {
    return Counter.builder(AgenticMetrics.CACHE_REQUESTS)
        .description("Reads of the AI answer cache, by whether it held the answer")
        .tag(AgenticMetrics.CACHE, ANSWER_CACHE)
        .tag(AgenticMetrics.RESULT, result)
        .register(meters);
  }
}
