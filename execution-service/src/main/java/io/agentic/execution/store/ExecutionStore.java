package io.agentic.execution.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import io.agentic.execution.engine.ExecutionState;
import io.agentic.execution.engine.ExecutionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code executions} collection. Each transition and the messages it emits are written by one
 * conditional single-document update guarded by {@code version}: atomic without multi-document
 * transactions, which neither the embedded MongoDB-wire server nor a stand-alone MongoDB offers.
 */
@Component
public class ExecutionStore {

  static final String COLLECTION = "executions";
  private static final List<String> UNFINISHED =
      List.of(ExecutionStatus.PENDING.wire(), ExecutionStatus.RUNNING.wire());

  private final MongoCollection<Document> executions;

  public ExecutionStore(MongoTemplate mongo) {
    this.executions = mongo.getCollection(COLLECTION);
    executions.createIndex(Indexes.ascending("idempotencyScope"), new IndexOptions().unique(true));
    executions.createIndex(Indexes.descending("userId", "startTime"));
    executions.createIndex(Indexes.descending("workflowId", "startTime"));
    executions.createIndex(Indexes.ascending("partition", "status", "deadline"));
    executions.createIndex(Indexes.ascending("partition", "outbox.createdAt"));
  }

  /**
   * Stores a new execution with its first outbox entries.
   *
   * @throws com.mongodb.MongoWriteException with a duplicate-key error when the idempotency scope
   *     is taken
   */
  public void insert(StoredExecution e) {
    Document doc =
        summary(e.state())
            .append("_id", e.id())
            .append("partition", e.partition())
            .append("version", e.version())
            .append("idempotencyScope", e.idempotencyScope())
            .append("requestHash", e.requestHash())
            .append("outbox", e.outbox().stream().map(OutboxEntry::toDocument).toList());
    executions.insertOne(doc);
  }

  public Optional<StoredExecution> find(String id) {
    return Optional.ofNullable(executions.find(eq("_id", id)).first()).map(ExecutionStore::from);
  }

  public Optional<StoredExecution> findByIdempotencyScope(String scope) {
    return Optional.ofNullable(executions.find(eq("idempotencyScope", scope)).first())
        .map(ExecutionStore::from);
  }

  /** The status alone, cheap enough for a worker to check before each step. */
  public Optional<ExecutionStatus> status(String id) {
    Document doc = executions.find(eq("_id", id)).projection(Projections.include("status")).first();
    return Optional.ofNullable(doc).flatMap(d -> ExecutionStatus.fromWire(d.getString("status")));
  }

  /**
   * Writes a transition if nobody else has since {@code expectedVersion}.
   *
   * @return false on a concurrent change: reload and decide again
   */
  public boolean commit(
      String id, long expectedVersion, ExecutionState state, List<OutboxEntry> added) {
    List<Bson> updates = new ArrayList<>();
    summary(state).forEach((k, v) -> updates.add(Updates.set(k, v)));
    updates.add(Updates.set("version", expectedVersion + 1));
    if (!added.isEmpty()) {
      updates.add(Updates.pushEach("outbox", added.stream().map(OutboxEntry::toDocument).toList()));
    }
    UpdateResult result =
        executions.updateOne(
            and(eq("_id", id), eq("version", expectedVersion)), Updates.combine(updates));
    return result.getMatchedCount() == 1;
  }

  /** Drops outbox entries once done. Not version-guarded: it never touches the state. */
  public void removeFromOutbox(String id, Collection<String> entryIds) {
    if (!entryIds.isEmpty()) {
      executions.updateOne(
          eq("_id", id),
          Updates.pull("outbox", new Document("id", new Document("$in", List.copyOf(entryIds)))));
    }
  }

  /** Executions of these partitions with an outbox entry created before {@code cutoff}. */
  public List<StoredExecution> withUnsentEntries(Collection<Integer> partitions, Instant cutoff) {
    if (partitions.isEmpty()) {
      return List.of();
    }
    List<StoredExecution> found = new ArrayList<>();
    executions
        .find(and(in("partition", partitions), lte("outbox.createdAt", Dates.toDate(cutoff))))
        .limit(500)
        .forEach(d -> found.add(from(d)));
    return found;
  }

  /** Ids of unfinished executions of these partitions whose deadline has passed. */
  public List<String> pastDeadline(Collection<Integer> partitions, Instant now, int limit) {
    if (partitions.isEmpty()) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    executions
        .find(
            and(
                in("partition", partitions),
                in("status", UNFINISHED),
                lte("deadline", Dates.toDate(now))))
        .projection(Projections.include("_id"))
        .limit(limit)
        .forEach(d -> ids.add(d.getString("_id")));
    return ids;
  }

  public long countUnfinished(String userId) {
    return executions.countDocuments(and(eq("userId", userId), in("status", UNFINISHED)));
  }

  /** A page of executions matching {@code query}, newest first. */
  public ExecutionPage query(ExecutionQuery query) {
    List<Bson> filters = new ArrayList<>();
    if (!query.everyone()) {
      filters.add(
          or(
              eq("userId", query.viewerId()),
              in("workflowId", List.copyOf(query.ownedWorkflows()))));
    }
    if (query.workflowId() != null) {
      filters.add(eq("workflowId", query.workflowId()));
    }
    if (query.status() != null) {
      filters.add(eq("status", query.status().wire()));
    }
    if (query.from() != null) {
      filters.add(gte("startTime", Dates.toDate(query.from())));
    }
    if (query.to() != null) {
      filters.add(lt("startTime", Dates.toDate(query.to())));
    }
    Bson filter = filters.isEmpty() ? new Document() : and(filters);
    long total = executions.countDocuments(filter);
    List<ExecutionState> items = new ArrayList<>();
    executions
        .find(filter)
        .sort(Sorts.orderBy(Sorts.descending("startTime"), Sorts.descending("_id")))
        .skip(query.page() * query.size())
        .limit(query.size())
        .forEach(d -> items.add(StateJson.read(d.getString("state"))));
    return new ExecutionPage(items, total);
  }

  public void delete(String id) {
    executions.deleteOne(eq("_id", id));
  }

  /** The fields kept beside the state JSON, for queries. */
  private static Document summary(ExecutionState s) {
    return new Document("workflowId", s.workflowId())
        .append("workflowVersion", s.workflowVersion())
        .append("userId", s.userId())
        .append("status", s.status().wire())
        .append("startTime", Dates.toDate(s.startTime()))
        .append("endTime", Dates.toDate(s.endTime()))
        .append("deadline", Dates.toDate(s.deadline()))
        .append("state", StateJson.write(s));
  }

  private static StoredExecution from(Document d) {
    List<Document> outbox = d.getList("outbox", Document.class, List.of());
    return new StoredExecution(
        StateJson.read(d.getString("state")),
        ((Number) d.get("version")).longValue(),
        ((Number) d.get("partition")).intValue(),
        outbox.stream().map(OutboxEntry::from).toList(),
        d.getString("idempotencyScope"),
        d.getString("requestHash"));
  }
}
