package io.agentic.execution.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import io.agentic.contracts.execution.ExecutionProgressed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code execution_events} collection: each execution's event log, one document per event under
 * {@code executionId:sequence} (its event id), for {@code GET /api/executions/{id}/events} to
 * replay. An event is stored before it is published, so whatever a live listener sees is already
 * here; storing it again (a relay after a crash) changes nothing.
 */
@Component
public class ExecutionEventStore {

  private static final int FIRST_WINDOW = 32;

  private final MongoCollection<Document> events;

  public ExecutionEventStore(MongoTemplate mongo) {
    this.events = mongo.getCollection("execution_events");
    events.createIndex(Indexes.ascending("executionId", "sequence"));
  }

  /** An event with the JSON it is published as. */
  public record Stored(ExecutionProgressed event, String json) {}

  /**
   * Stores events in one round trip; storing one again (a relay after a crash) changes nothing.
   * Plain inserts, not upserts: on the embedded server of local mode an upsert costs an extra index
   * search, the most expensive thing it does.
   */
  public void appendAll(List<Stored> stored) {
    try {
      events.insertMany(
          stored.stream().map(s -> document(s.event(), s.json())).toList(),
          new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      boolean onlyDuplicates =
          e.getWriteErrors().stream()
              .allMatch(
                  w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY);
      if (!onlyDuplicates) {
        throw e;
      }
    }
  }

  private static Document document(ExecutionProgressed event, String json) {
    return new Document("_id", event.eventId())
        .append("executionId", event.executionId())
        .append("sequence", event.sequence())
        .append("type", event.type())
        .append("event", json);
  }

  /**
   * Up to {@code limit} events after sequence {@code after}, in order. An execution's sequence
   * numbers run from 1 without gaps, so the page is looked up by its event ids: an index lookup
   * everywhere, where a query on {@code executionId} would scan every stored event on the embedded
   * MongoDB-wire server of local mode.
   */
  public List<ExecutionProgressed> after(String executionId, long after, int limit) {
    // Most executions have a few dozen events: look up a small window first and widen it only
    // while windows come back full, rather than asking for `limit` ids that mostly do not exist.
    List<ExecutionProgressed> found = new ArrayList<>();
    long next = after + 1;
    int window = FIRST_WINDOW;
    while (found.size() < limit) {
      int size = Math.min(window, limit - found.size());
      List<ExecutionProgressed> page = byIds(executionId, next, size);
      found.addAll(page);
      if (page.size() < size) {
        break;
      }
      next += size;
      window *= 2;
    }
    return found;
  }

  /** The events numbered {@code from} to {@code from + count - 1} that exist, in order. */
  private List<ExecutionProgressed> byIds(String executionId, long from, int count) {
    List<String> ids = new ArrayList<>(count);
    for (long sequence = from; sequence < from + count; sequence++) {
      ids.add(executionId + ":" + sequence);
    }
    List<ExecutionProgressed> found = new ArrayList<>(count);
    events
        .find(in("_id", ids))
        .forEach(d -> found.add(StateJson.read(d.getString("event"), ExecutionProgressed.class)));
    found.sort(Comparator.comparingLong(ExecutionProgressed::sequence));
    return found;
  }

  void deleteAll(String executionId) {
    events.deleteMany(eq("executionId", executionId));
  }
}
