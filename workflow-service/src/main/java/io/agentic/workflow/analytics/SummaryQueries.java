package io.agentic.workflow.analytics;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.limit;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.sort;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.unwind;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.agentic.workflow.store.WorkflowDocument;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The summary as MongoDB aggregations ({@code $match}, {@code $unwind}, {@code $group}, {@code
 * $sort}, {@code $limit}): the counting happens in the database, not in this process.
 */
@Component
class SummaryQueries {

  static final int TOP = 20;
  static final int RECENT = 10;

  private final MongoTemplate mongo;
  private final Clock clock = Clock.systemUTC();

  SummaryQueries(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  WorkflowSummary summary() {
    Criteria live = where("deleted").ne(true);
    Map<String, Long> byStatus = new LinkedHashMap<>();
    counts(newAggregation(match(live), group("status").count().as("count"), byCountThenId()))
        .forEach(d -> byStatus.put(d.getString("_id"), count(d)));
    List<WorkflowSummary.TagCount> byTag =
        top(
            List.of(match(live), unwind("tags"), group("tags").count().as("count")),
            WorkflowSummary.TagCount::new);
    List<WorkflowSummary.OwnerCount> byOwner =
        top(
            List.of(match(live), group("ownerId").count().as("count")),
            WorkflowSummary.OwnerCount::new);
    Query recent =
        query(live)
            .with(Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("_id")))
            .limit(RECENT);
    List<WorkflowSummary.RecentChange> recentlyChanged =
        mongo.find(recent, WorkflowDocument.class).stream()
            .map(
                w -> new WorkflowSummary.RecentChange(w.id(), w.name(), w.version(), w.updatedAt()))
            .toList();
    long total = mongo.count(query(live), WorkflowDocument.class);
    return new WorkflowSummary(total, byStatus, byTag, byOwner, recentlyChanged, clock.instant());
  }

  private <T> List<T> top(List<AggregationOperation> grouping, BiFunction<String, Long, T> row) {
    List<AggregationOperation> stages = new java.util.ArrayList<>(grouping);
    stages.add(byCountThenId());
    stages.add(limit(TOP));
    return counts(newAggregation(stages)).stream()
        .map(d -> row.apply(String.valueOf(d.get("_id")), count(d)))
        .toList();
  }

  private List<Document> counts(Aggregation aggregation) {
    return mongo
        .aggregate(aggregation, WorkflowDocument.COLLECTION, Document.class)
        .getMappedResults();
  }

  private static AggregationOperation byCountThenId() {
    return sort(Sort.by(Sort.Order.desc("count"), Sort.Order.asc("_id")));
  }

  private static long count(Document d) {
    return ((Number) d.get("count")).longValue();
  }
}
