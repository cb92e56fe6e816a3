package io.agentic.execution.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The {@code timers} collection: due-time entries, polled by the owner of their partition. */
@Component
public class TimerStore {

  private final MongoCollection<Document> timers;

  public TimerStore(MongoTemplate mongo) {
    this.timers = mongo.getCollection("timers");
    timers.createIndex(Indexes.ascending("partition", "dueAt"));
  }

  /** Idempotent: scheduling the same timer again changes nothing. */
  public void schedule(Timer t) {
    Document doc =
        new Document("_id", t.id())
            .append("executionId", t.executionId())
            .append("partition", t.partition())
            .append("kind", t.kind())
            .append("nodeId", t.nodeId())
            .append("attempt", t.attempt())
            .append("dueAt", Dates.toDate(t.dueAt()));
    timers.replaceOne(eq("_id", t.id()), doc, new ReplaceOptions().upsert(true));
  }

  public void cancel(String timerId) {
    timers.deleteOne(eq("_id", timerId));
  }

  public List<Timer> due(Collection<Integer> partitions, Instant now, int limit) {
    if (partitions.isEmpty()) {
      return List.of();
    }
    List<Timer> found = new ArrayList<>();
    timers
        .find(and(in("partition", partitions), lte("dueAt", Dates.toDate(now))))
        .sort(Sorts.ascending("dueAt"))
        .limit(limit)
        .forEach(
            d ->
                found.add(
                    new Timer(
                        d.getString("_id"),
                        d.getString("executionId"),
                        d.getInteger("partition"),
                        d.getString("kind"),
                        d.getString("nodeId"),
                        d.getInteger("attempt", 0),
                        Dates.toInstant(d.getDate("dueAt")))));
    return found;
  }
}
