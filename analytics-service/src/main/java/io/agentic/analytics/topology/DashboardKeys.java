package io.agentic.analytics.topology;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Keys of the dashboard table. Minutes and days live in a ring of slots, one per window the
 * retention keeps ({@code minute:0} … {@code minute:1439} for 24 hours): a window reuses the slot
 * of the window one retention earlier, which has expired by then, so the table stays bounded
 * without deletes. Each entry names its window's start, and a reader ignores a slot that still
 * holds an older window.
 */
public record DashboardKeys(int minuteSlots, int daySlots) {

  public static final String TOTALS = "totals";
  public static final String RECENT = "recent";
  public static final String WORKFLOW_PREFIX = "workflow:";

  static final Duration MINUTE = Duration.ofMinutes(1);
  static final Duration DAY = Duration.ofDays(1);

  public String minute(Instant start) {
    return "minute:" + Math.floorMod(Math.floorDiv(start.getEpochSecond(), 60), minuteSlots);
  }

  public String day(Instant start) {
    return "day:" + Math.floorMod(Math.floorDiv(start.getEpochSecond(), 86_400), daySlots);
  }

  public String day(LocalDate date) {
    return day(date.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  public static String workflow(String workflowId) {
    return WORKFLOW_PREFIX + workflowId;
  }
}
