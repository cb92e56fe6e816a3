package io.agentic.analytics.dashboard;

import io.agentic.analytics.topology.RecentExecution;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's first screen.
 *
 * @param systemStatus {@code healthy} when every service and Kafka answered healthy at the last
 *     check, {@code degraded} when one did not, {@code unknown} before the first check
 * @param activeExecutions running now
 * @param executionsToday started today (UTC), retries excluded
 * @param successRate completed per ended execution today; null when none ended today
 * @param averageDurationMs of the executions that ended today; null when none did
 * @param aiProviderStatus each provider ever called → its status over the recent window
 * @param recentExecutions the last executions that ended, newest first
 */
record Overview(
    String systemStatus,
    long activeExecutions,
    long executionsToday,
    Double successRate,
    Long averageDurationMs,
    Map<String, String> aiProviderStatus,
    List<RecentExecution> recentExecutions) {}
