package io.agentic.execution.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.agentic.execution.engine.ExecutionStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Figures over the {@code executions} collection: per-workflow statistics and the admin summary.
 */
@Component
public class ExecutionStatistics {

  private static final List<String> ENDED =
      List.of(
          ExecutionStatus.COMPLETED.wire(),
          ExecutionStatus.FAILED.wire(),
          ExecutionStatus.CANCELLED.wire());

  /**
   * @param successRate completed per ended execution (0 to 1), null if none ended
   * @param avgDurationMs, p95DurationMs over the ended executions, null if none ended
   */
  public record WorkflowStats(
      long total,
      long completed,
      long failed,
      long cancelled,
      Double successRate,
      Long avgDurationMs,
      Long p95DurationMs) {}

  public record WorkflowCount(String workflowId, long executions) {}

  /**
   * @param byStatus every status, with 0 for those no execution has
   */
  public record Summary(
      long total,
      Map<String, Long> byStatus,
      List<WorkflowCount> topWorkflows,
      Double successRate,
      Long averageDurationMs) {}

  private final MongoCollection<Document> executions;

  public ExecutionStatistics(MongoTemplate mongo) {
    this.executions = mongo.getCollection(ExecutionStore.COLLECTION);
  }

  /**
   * @param onlyUserId when not null, only the executions this user started count
   */
  public WorkflowStats ofWorkflow(String workflowId, String onlyUserId) {
    Bson filter =
        onlyUserId == null
            ? eq("workflowId", workflowId)
            : and(eq("workflowId", workflowId), eq("userId", onlyUserId));
    Counts counts = counts(filter);
    long ended = counts.ended();
    Long p95 = null;
    if (ended > 0) {
      // nearest rank: the smallest duration at or above 95% of the ended executions
      long rank = (long) Math.ceil(0.95 * ended) - 1;
      Document at =
          executions
              .find(and(filter, in("status", ENDED), ne("durationMs", null)))
              .projection(Projections.include("durationMs"))
              .sort(Sorts.ascending("durationMs"))
              .skip((int) Math.min(rank, Integer.MAX_VALUE))
              .limit(1)
              .first();
      p95 = at == null ? null : ((Number) at.get("durationMs")).longValue();
    }
    return new WorkflowStats(
        counts.total(),
        counts.of(ExecutionStatus.COMPLETED),
        counts.of(ExecutionStatus.FAILED),
        counts.of(ExecutionStatus.CANCELLED),
        counts.successRate(),
        counts.averageDurationMs(),
        p95);
  }

  public Summary summary(int topWorkflows) {
    Counts counts = counts(new Document());
    List<WorkflowCount> top = new ArrayList<>();
    executions
        .aggregate(
            List.of(
                Aggregates.group("$workflowId", Accumulators.sum("n", 1)),
                Aggregates.sort(Sorts.orderBy(Sorts.descending("n"), Sorts.ascending("_id"))),
                Aggregates.limit(topWorkflows)))
        .forEach(
            d -> top.add(new WorkflowCount(d.getString("_id"), ((Number) d.get("n")).longValue())));
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (ExecutionStatus status : ExecutionStatus.values()) {
      byStatus.put(status.wire(), counts.of(status));
    }
    return new Summary(
        counts.total(), byStatus, top, counts.successRate(), counts.averageDurationMs());
  }

  private Counts counts(Bson filter) {
    Map<String, Long> byStatus = new LinkedHashMap<>();
    long[] duration = new long[1];
    executions
        .aggregate(
            List.of(
                Aggregates.match(filter),
                Aggregates.group(
                    "$status",
                    Accumulators.sum("n", 1),
                    Accumulators.sum("durationMs", "$durationMs"))))
        .forEach(
            d -> {
              String status = d.getString("_id");
              byStatus.put(status, ((Number) d.get("n")).longValue());
              if (ENDED.contains(status) && d.get("durationMs") instanceof Number n) {
                duration[0] += n.longValue();
              }
            });
    return new Counts(byStatus, duration[0]);
  }

  private record Counts(Map<String, Long> byStatus, long endedDurationMs) {

    long of(ExecutionStatus status) {
      return byStatus.getOrDefault(status.wire(), 0L);
    }

    long total() {
      return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    long ended() {
      return ENDED.stream().mapToLong(s -> byStatus.getOrDefault(s, 0L)).sum();
    }

    Double successRate() {
      long ended = ended();
      return ended == 0
          ? null
          : Math.round(10_000.0 * of(ExecutionStatus.COMPLETED) / ended) / 10_000.0;
    }

    Long averageDurationMs() {
      long ended = ended();
      return ended == 0 ? null : Math.round((double) endedDurationMs / ended);
    }
  }
}
