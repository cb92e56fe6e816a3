package io.agentic.analytics.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The health of the suite as analytics-service sees it.
 *
 * @param status {@code healthy} when every service and Kafka are {@code UP}, else {@code degraded}
 * @param services each service's {@code /actuator/health}, by name
 * @param mongodb as the services that use it report it; {@code UNKNOWN} when none shows details
 * @param redis likewise
 */
public record HealthReport(
    String status,
    Instant checkedAt,
    Map<String, Service> services,
    Kafka kafka,
    Dependency mongodb,
    Dependency redis) {

  public static final String UP = "UP";
  public static final String DOWN = "DOWN";
  public static final String UNKNOWN = "UNKNOWN";

  /**
   * @param status the service's own answer ({@code UP}, {@code DOWN}, …), {@code DOWN} when it did
   *     not answer in time
   */
  public record Service(String url, String status, long latencyMs) {}

  /**
   * @param streamsState this instance's Kafka Streams state ({@code RUNNING}, …)
   * @param brokers brokers the cluster described; null when it could not be reached
   */
  public record Kafka(String status, String streamsState, Integer brokers) {}

  /**
   * @param reportedBy the services whose health showed this dependency
   */
  public record Dependency(String status, List<String> reportedBy) {}
}
