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
import io.agentic.execution.ExecutionProperties;
import io.agentic.execution.engine.ExecutionState;
import io.agentic.execution.engine.ExecutionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code executions} collection. Each transition and the messages it emits are written by one
 * conditional single-document update guarded by {@code version}: atomic without multi-document
 * transactions, which neither the embedded MongoDB-wire server nor a stand-alone MongoDB offers.
 * Node outputs larger than the inline limit are written to {@link NodeOutputStore} first (their own
 * idempotent single-document writes) and the state keeps a reference.
 */
@Component
public class ExecutionStore {

  private static final Logger log = LoggerFactory.getLogger(ExecutionStore.class);
  static final String COLLECTION = "executions";
  static final List<String> UNFINISHED =
      List.of(ExecutionStatus.PENDING.wire(), ExecutionStatus.RUNNING.wire());

  private final MongoCollection<Document> executions;
  private final NodeOutputStore outputs;
  private final ExecutionEventStore events;
  private final long inlineLimit;

  public ExecutionStore(
      MongoTemplate mongo,
      NodeOutputStore outputs,
      ExecutionEventStore events,
      ExecutionProperties properties) {
    this.executions = mongo.getCollection(COLLECTION);
    this.outputs = outputs;
    this.events = events;
    this.inlineLimit = properties.maxInlineOutput().toBytes();
    executions.createIndex(Indexes.ascending("idempotencyScope"), new IndexOptions().unique(true));
    // What commit's compare-and-set filters on. Redundant for MongoDB (the _id index answers it);
    // the embedded MongoDB-wire server of local mode uses only an index whose keys equal the
    // filter's (and sees none in a $and), and would otherwise scan every execution on every
    // transition.
    executions.createIndex(
        Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("_id_version"));
    executions.createIndex(Indexes.descending("userId", "startTime"));
    executions.createIndex(Indexes.descending("workflowId", "startTime"));
    executions.createIndex(Indexes.ascending("parentExecutionId", "startTime"));
    executions.createIndex(Indexes.ascending("partition", "status", "deadline"));
    executions.createIndex(Indexes.ascending("partition", "outbox.createdAt"));
  }

  /**
   * Stores a new execution with its first outbox entries.
   *
   * @throws com.mongodb.MongoWriteException with a duplicate-key error when the id or the
   *     idempotency scope is taken
   */
  public void insert(StoredExecution e) {
    OutputsApart.Split split = OutputsApart.split(e.state(), inlineLimit);
    writeApart(e.id(), split, Set.of());
    Document doc =
        ExecutionDocuments.summary(split.state())
            .append("_id", e.id())
            .append("partition", e.partition())
            .append("version", e.version())
            .append("idempotencyScope", e.idempotencyScope())
            .append("requestHash", e.requestHash())
            .append("apart", ExecutionDocuments.apartDocuments(split.apart()))
            .append("outbox", e.outbox().stream().map(OutboxEntry::toDocument).toList());
    executions.insertOne(doc);
  }

  /** The execution as stored: outputs stored apart are references (what the API shows). */
  public Optional<StoredExecution> find(String id) {
    return Optional.ofNullable(executions.find(eq("_id", id)).first())
        .map(ExecutionDocuments::from);
  }

  /** The execution with every output, those stored apart included: what the engine decides on. */
  public Optional<StoredExecution> findWhole(String id) {
    return find(id).map(this::whole);
  }

  public Optional<StoredExecution> findByIdempotencyScope(String scope) {
    return Optional.ofNullable(executions.find(eq("idempotencyScope", scope)).first())
        .map(ExecutionDocuments::from);
  }

  /** The status alone, cheap enough for a worker to check before each step. */
  public Optional<ExecutionStatus> status(String id) {
    Document doc = executions.find(eq("_id", id)).projection(Projections.include("status")).first();
    return Optional.ofNullable(doc).flatMap(d -> ExecutionStatus.fromWire(d.getString("status")));
  }

  /** The full output of one node of an execution (empty for an unknown node). */
  public Optional<Object> nodeOutput(StoredExecution stored, String nodeId) {
    for (StoredOutput o : stored.apart()) {
      if (o.nodeId().equals(nodeId)) {
        return outputs.read(o.key());
      }
    }
    return Optional.ofNullable(stored.state().nodeResults().get(nodeId)).map(n -> n.output());
  }

  /**
   * Writes a transition if nobody else has since {@code before} was read.
   *
   * @return the state as stored (outputs stored apart are references: what the API shows), or empty
   *     on a concurrent change: reload and decide again
   */
  public Optional<ExecutionState> commit(
      StoredExecution before, ExecutionState state, List<OutboxEntry> added) {
    OutputsApart.Split split = OutputsApart.split(state, inlineLimit);
    Set<String> stored = new HashSet<>();
    before.apart().forEach(o -> stored.add(o.key()));
    writeApart(before.id(), split, stored);
    List<Bson> updates = new ArrayList<>();
    ExecutionDocuments.summary(split.state()).forEach((k, v) -> updates.add(Updates.set(k, v)));
    updates.add(Updates.set("apart", ExecutionDocuments.apartDocuments(split.apart())));
    updates.add(Updates.set("version", before.version() + 1));
    if (!added.isEmpty()) {
      updates.add(Updates.pushEach("outbox", added.stream().map(OutboxEntry::toDocument).toList()));
    }
    UpdateResult result =
        executions.updateOne(
            // A plain document, not Filters.and (which renders as $and): the embedded server
            // matches an index only on a filter whose keys are the index's.
            new Document("_id", before.id()).append("version", before.version()),
            Updates.combine(updates));
    return result.getMatchedCount() == 1 ? Optional.of(split.state()) : Optional.empty();
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
        .forEach(d -> found.add(ExecutionDocuments.from(d)));
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
    if (query.parentExecutionId() != null) {
      filters.add(eq("parentExecutionId", query.parentExecutionId()));
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

  /** Deletes an execution with its event log and the outputs stored apart. */
  public void delete(String id) {
    executions.deleteOne(eq("_id", id));
    outputs.deleteAll(id);
    events.deleteAll(id);
  }

  private StoredExecution whole(StoredExecution stored) {
    if (stored.apart().isEmpty()) {
      return stored;
    }
    Map<String, Object> values = new HashMap<>();
    for (StoredOutput o : stored.apart()) {
      Optional<Object> value = outputs.read(o.key());
      if (value.isPresent()) {
        values.put(o.key(), value.get());
      } else {
        log.error(
            "Output {} of execution {} is missing; its reference stays", o.key(), stored.id());
      }
    }
    return new StoredExecution(
        OutputsApart.join(stored.state(), stored.apart(), values),
        stored.version(),
        stored.partition(),
        stored.outbox(),
        stored.idempotencyScope(),
        stored.requestHash(),
        stored.apart());
  }

  private void writeApart(String id, OutputsApart.Split split, Set<String> alreadyStored) {
    for (StoredOutput o : split.apart()) {
      if (!alreadyStored.contains(o.key())) {
        outputs.write(id, o.key(), split.values().get(o.key()));
      }
    }
  }
}
