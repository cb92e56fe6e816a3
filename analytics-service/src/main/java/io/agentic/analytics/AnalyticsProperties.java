package io.agentic.analytics;

import io.agentic.analytics.topology.DashboardTopology;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything analytics-service can be told, under {@code agentic.analytics}.
 *
 * @param dashboardTopic compacted one-partition topic the aggregates are published to and every
 *     instance reads back as its global table
 * @param minuteRetention how long per-minute figures are kept (the longest {@code /metrics} range)
 * @param dayRetention how long per-day figures are kept
 * @param dedupeRetention how long an event id is remembered to recognise a redelivery
 * @param recentExecutions how many ended executions the overview lists
 * @param providerWindow the recent window a provider's status is judged on
 * @param serviceUrls base URL of each service whose {@code /actuator/health} is reported, by name
 *     ({@code gateway}, {@code auth}, {@code workflow}, {@code execution}, {@code ai-router},
 *     {@code analytics}); {@code ai-router}'s also receives {@code POST /api/dashboard/test-ai}
 * @param healthTimeout how long one health call may take
 * @param healthCacheTtl how long a health report is reused
 * @param aiTestTimeout how long the AI router's provider test may take
 * @param streamInterval how often {@code /stream} looks for changed figures
 * @param heartbeatInterval how often {@code /stream} sends a comment to keep the connection open
 * @param maxStreamDuration the longest a {@code /stream} connection stays open (shorter when the
 *     caller's token expires first)
 */
@ConfigurationProperties("agentic.analytics")
public record AnalyticsProperties(
    @DefaultValue("analytics.dashboard.v1") String dashboardTopic,
    @DefaultValue("24h") Duration minuteRetention,
    @DefaultValue("35d") Duration dayRetention,
    @DefaultValue("48h") Duration dedupeRetention,
    @DefaultValue("10") int recentExecutions,
    @DefaultValue("15m") Duration providerWindow,
    Map<String, URI> serviceUrls,
    @DefaultValue("1s") Duration healthTimeout,
    @DefaultValue("5s") Duration healthCacheTtl,
    @DefaultValue("60s") Duration aiTestTimeout,
    @DefaultValue("1s") Duration streamInterval,
    @DefaultValue("15s") Duration heartbeatInterval,
    @DefaultValue("1h") Duration maxStreamDuration) {

  /** Where each service answers when nothing else is configured: local mode's ports. */
  static final Map<String, URI> DEFAULT_SERVICE_URLS = defaultServiceUrls();

  public AnalyticsProperties {
    Map<String, URI> urls = new LinkedHashMap<>(DEFAULT_SERVICE_URLS);
    if (serviceUrls != null) {
      urls.putAll(serviceUrls);
    }
    serviceUrls = Collections.unmodifiableMap(urls);
  }

  public DashboardTopology.Settings topology() {
    return new DashboardTopology.Settings(
        dashboardTopic, minuteRetention, dayRetention, dedupeRetention, recentExecutions);
  }

  public URI serviceUrl(String name) {
    return serviceUrls.get(name);
  }

  private static Map<String, URI> defaultServiceUrls() {
    Map<String, URI> urls = new LinkedHashMap<>();
    String[] names = {"gateway", "auth", "workflow", "execution", "ai-router", "analytics"};
    for (int i = 0; i < names.length; i++) {
      urls.put(names[i], URI.create("http://localhost:" + (8080 + i)));
    }
    return Collections.unmodifiableMap(urls);
  }
}
