package io.agentic.airouter.api;

import java.util.List;

/**
 * One provider as {@code GET /api/ai/providers} shows it.
 *
 * @param status {@code healthy}, {@code degraded}, {@code down} or {@code unconfigured}
 * @param circuitState {@code closed}, {@code open} or {@code half_open}
 * @param quota today's calls against the daily limit (null = unlimited), and tokens likewise
 * @param latencyMsP50 median latency of recent successful calls on this instance; null if none
 */
public record ProviderStatus(
    String name,
    boolean configured,
    String status,
    String circuitState,
    List<String> models,
    Quota quota,
    Long latencyMsP50) {

  /** Null {@code used} values mean the quota store could not be read. */
  public record Quota(Long used, Long limit, Long tokensUsed, Long tokenLimit) {}
}
