package io.agentic.analytics.dashboard;

import java.util.List;

/**
 * Every AI provider the suite has called.
 *
 * @param recentWindow the window {@code recent} (and the status) covers, e.g. {@code PT15M}
 */
record AiStatus(String recentWindow, List<Provider> providers) {

  /**
   * @param status over the recent window: {@code healthy}, {@code degraded}, {@code down} or {@code
   *     idle}
   * @param today since midnight UTC
   * @param total since analytics started counting
   */
  record Provider(
      String provider,
      String status,
      ProviderView recent,
      ProviderView today,
      ProviderView total) {}
}
