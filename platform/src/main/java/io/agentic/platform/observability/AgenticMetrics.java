package io.agentic.platform.observability;

/**
 * The names and tags of the suite's own metrics, so every service that emits one emits it alike
 * (Micrometer names, dot-separated; Prometheus shows them with underscores and a unit suffix).
 * Every meter also carries the common tag {@code service} (the {@code spring.application.name}).
 *
 * <table>
 *   <caption>Suite metrics</caption>
 *   <tr><th>Name</th><th>Type</th><th>Tags</th><th>Emitted by</th><th>Prometheus</th></tr>
 *   <tr><td>{@value #STEPS}</td><td>Timer: one step's run, from taking it to its result</td>
 *       <td>{@value #TYPE} (node type, lower case: {@code ai_processor}, {@code http_request},
 *       {@code database}, …), {@value #OUTCOME} ({@value #SUCCESS}|{@value #FAILURE}|{@value
 *       #TIMEOUT}|{@value #CANCELLED})</td>
 *       <td>the workers: execution-service (HTTP_REQUEST, DATABASE) and ai-router-service
 *       (AI_PROCESSOR)</td>
 *       <td>{@code agentic_steps_seconds_count|sum|max}</td></tr>
 *   <tr><td>{@value #PROVIDER_CALLS}</td><td>Timer: one call to an AI provider, retries counted
 *       one by one</td>
 *       <td>{@value #PROVIDER} ({@code openai}, {@code gemini}, …), {@value #OUTCOME} ({@value
 *       #SUCCESS}|{@value #FAILURE}|{@value #TIMEOUT}|{@value #RATE_LIMITED}|{@value
 *       #REJECTED})</td>
 *       <td>ai-router-service</td>
 *       <td>{@code agentic_provider_calls_seconds_count|sum|max}</td></tr>
 *   <tr><td>{@value #CACHE_REQUESTS}</td><td>Counter: one read of a cache</td>
 *       <td>{@value #CACHE} ({@code workflow}, {@code ai-answer}, {@code api-key}, …), {@value
 *       #RESULT} ({@value #HIT}|{@value #MISS})</td>
 *       <td>workflow-service ({@code workflow}), ai-router-service ({@code ai-answer}),
 *       gateway-service ({@code api-key})</td>
 *       <td>{@code agentic_cache_requests_total}</td></tr>
 * </table>
 *
 * <p>Tag values are few and fixed (never ids, never free text), so each metric stays a handful of
 * series.
 */
public final class AgenticMetrics {

  /** Timer: a step run by a worker. Tags {@link #TYPE}, {@link #OUTCOME}. */
  public static final String STEPS = "agentic.steps";

  /** Timer: a call to an AI provider. Tags {@link #PROVIDER}, {@link #OUTCOME}. */
  public static final String PROVIDER_CALLS = "agentic.provider.calls";

  /** Counter: a cache read. Tags {@link #CACHE}, {@link #RESULT}. */
  public static final String CACHE_REQUESTS = "agentic.cache.requests";

  public static final String TYPE = "type";
  public static final String OUTCOME = "outcome";
  public static final String PROVIDER = "provider";
  public static final String CACHE = "cache";
  public static final String RESULT = "result";

  public static final String SUCCESS = "success";
  public static final String FAILURE = "failure";
  public static final String TIMEOUT = "timeout";
  public static final String CANCELLED = "cancelled";
  public static final String RATE_LIMITED = "rate_limited";

  /** Not attempted: circuit open, bulkhead full, over quota. */
  public static final String REJECTED = "rejected";

  public static final String HIT = "hit";
  public static final String MISS = "miss";

  private AgenticMetrics() {}
}
