package io.agentic.execution.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code running_executions} collection: one small document per unfinished root execution, what
 * the per-user limit counts. Counting here instead of over all executions keeps a start's cost
 * independent of history (the embedded MongoDB of local mode scans on anything but a unique index).
 * An entry outlives its execution only after a crash between the two writes; it stops counting at
 * the execution's deadline and a TTL index removes it later.
 */
@Component
public class RunningExecutions {

  private final MongoCollection<Document> running;

  public RunningExecutions(MongoTemplate mongo) {
    this.running = mongo.getCollection("running_executions");
    running.createIndex(Indexes.ascending("userId", "deadline"));
    running.createIndex(
        Indexes.ascending("deadline"), new IndexOptions().expireAfter(1L, TimeUnit.HOURS));
  }

  /** Adds an execution once; adding it again changes nothing. */
  public void add(String executionId, String userId, Instant deadline) {
    try {
      running.insertOne(
          new Document("_id", executionId)
              .append("userId", userId)
              .append("deadline", Dates.toDate(deadline)));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
  }

  public void remove(String executionId) {
    running.deleteOne(eq("_id", executionId));
  }

  public long count(String userId, Instant now) {
    return running.countDocuments(and(eq("userId", userId), gt("deadline", Dates.toDate(now))));
  }
}
