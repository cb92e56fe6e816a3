package io.agentic.analytics.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The last executions that ended, newest first; one entry per execution (a retried execution that
 * ends again replaces its earlier end).
 */
public record RecentExecutions(List<RecentExecution> items) implements DashboardEntry {

  private static final Comparator<RecentExecution> NEWEST_FIRST =
      Comparator.comparing(
              RecentExecution::finishedAt,
              Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
          .reversed();

  public RecentExecutions {
    items = items == null ? List.of() : List.copyOf(items);
  }

  public static RecentExecutions none() {
    return new RecentExecutions(List.of());
  }

  RecentExecutions add(ExecutionFact ended, int limit) {
    List<RecentExecution> kept = new ArrayList<>(items.size() + 1);
    for (RecentExecution item : items) {
      if (!item.id().equals(ended.executionId())) {
        kept.add(item);
      }
    }
    kept.add(
        new RecentExecution(
            ended.executionId(),
            ended.workflowId(),
            ended.phase().wire(),
            ended.durationMs(),
            ended.at()));
    kept.sort(NEWEST_FIRST);
    return new RecentExecutions(kept.subList(0, Math.min(limit, kept.size())));
  }
}
