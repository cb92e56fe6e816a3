package io.agentic.execution.nodes.database;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.execution.StepError;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.workflow.NodeType;
import io.agentic.execution.nodes.NodeStep;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonObjectId;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * DATABASE: runs find, insertOne, updateMany, deleteMany or count on a collection in the space of
 * the user who started the execution ({@code u_<user>__<collection>} in the user-data database,
 * never a platform database). The filter, update and document pass {@link MongoOperatorPolicy}
 * before anything is sent. Outputs: find {@code {documents, count}} (each {@code _id} a string, at
 * most {@code limit} documents, capped), insertOne {@code {insertedId}}, updateMany {@code
 * {matched, modified}}, deleteMany {@code {deleted}}, count {@code {count}}.
 *
 * <p>Steps are delivered at least once. An insertOne without an {@code _id} gets one derived from
 * the step id, so a second delivery of the same attempt finds it already stored and answers the
 * same {@code insertedId} instead of inserting twice. updateMany with {@code $inc} and the like may
 * apply twice in that rare case.
 */
@Component
public class DatabaseStep implements NodeStep {

  private static final Logger log = LoggerFactory.getLogger(DatabaseStep.class);

  private final DatabaseStepProperties properties;
  private final UserDataDatabase database;
  private final Clock clock;

  @Autowired
  public DatabaseStep(DatabaseStepProperties properties, UserDataDatabase database) {
    this(properties, database, Clock.systemUTC());
  }

  DatabaseStep(DatabaseStepProperties properties, UserDataDatabase database, Clock clock) {
    this.properties = properties;
    this.database = database;
    this.clock = clock;
  }

  @Override
  public NodeType type() {
    return NodeType.DATABASE;
  }

  @Override
  public StepFinished execute(ExecuteStep step) {
    Instant startedAt = clock.instant();
    try {
      DatabaseCall call = DatabaseCall.from(step.input(), properties);
      String collection = CollectionNames.physical(step.userId(), call.collection());
      long maxTimeMs = maxTime(step).toMillis();
      Object output =
          database.inCollection(
              collection,
              c ->
                  switch (call.operation()) {
                    case FIND -> find(c, call, maxTimeMs);
                    case INSERT_ONE -> insertOne(c, call, step);
                    case UPDATE_MANY -> updateMany(c, call);
                    case DELETE_MANY -> deleteMany(c, call);
                    case COUNT -> count(c, call, maxTimeMs);
                  });
      return finished(step, startedAt, output, null);
    } catch (DatabaseFailure failure) {
      return finished(step, startedAt, null, failure.error());
    } catch (RuntimeException e) {
      DatabaseFailure failure = MongoErrors.of(e);
      if (failure == null) {
        // A bug, not the database's answer: do not retry it, do not leak its text.
        log.error("DATABASE step {} failed unexpectedly", step.stepId(), e);
        failure =
            new DatabaseFailure(DatabaseFailure.ERROR, "the database operation failed", false);
      } else {
        log.info(
            "DATABASE step {} failed: {} ({})",
            step.stepId(),
            failure.getMessage(),
            e.getClass().getSimpleName());
      }
      return finished(step, startedAt, null, failure.error());
    }
  }

  private Map<String, Object> find(
      com.mongodb.client.MongoCollection<BsonDocument> collection,
      DatabaseCall call,
      long maxTimeMs) {
    long maxBytes = properties.maxResultSize().toBytes();
    long bytes = 0;
    List<Object> documents = new ArrayList<>();
    try (MongoCursor<RawBsonDocument> cursor =
        collection
            .withDocumentClass(RawBsonDocument.class)
            .find(call.filter())
            .limit(call.limit())
            .maxTime(maxTimeMs, TimeUnit.MILLISECONDS)
            .iterator()) {
      while (cursor.hasNext() && documents.size() < call.limit()) {
        RawBsonDocument document = cursor.next();
        bytes += document.getByteBuffer().remaining();
        if (bytes > maxBytes) {
          throw new DatabaseFailure(
              DatabaseFailure.RESULT_TOO_LARGE,
              "the documents found exceed "
                  + maxBytes
                  + " bytes; narrow the filter or lower the limit",
              false);
        }
        documents.add(BsonValues.json(document));
      }
    }
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("documents", documents);
    output.put("count", documents.size());
    return output;
  }

  private static Map<String, Object> insertOne(
      com.mongodb.client.MongoCollection<BsonDocument> collection,
      DatabaseCall call,
      ExecuteStep step) {
    BsonDocument document = call.document();
    BsonValue id = document.get("_id");
    boolean derived = id == null;
    if (derived) {
      id = new BsonObjectId(insertId(step));
      BsonDocument withId = new BsonDocument("_id", id);
      withId.putAll(document);
      document = withId;
    }
    try {
      collection.insertOne(document);
    } catch (RuntimeException e) {
      // Our own id already stored: an earlier delivery of this attempt inserted it.
      if (!derived || !MongoErrors.isDuplicateKey(e)) {
        throw e;
      }
    }
    return Map.of("insertedId", BsonValues.idString(id));
  }

  private static Map<String, Object> updateMany(
      com.mongodb.client.MongoCollection<BsonDocument> collection, DatabaseCall call) {
    UpdateResult result = collection.updateMany(call.filter(), call.update());
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("matched", result.getMatchedCount());
    output.put("modified", result.getModifiedCount());
    return output;
  }

  private static Map<String, Object> deleteMany(
      com.mongodb.client.MongoCollection<BsonDocument> collection, DatabaseCall call) {
    DeleteResult result = collection.deleteMany(call.filter());
    return Map.of("deleted", result.getDeletedCount());
  }

  private static Map<String, Object> count(
      com.mongodb.client.MongoCollection<BsonDocument> collection,
      DatabaseCall call,
      long maxTimeMs) {
    long count =
        collection.countDocuments(
            call.filter(), new CountOptions().maxTime(maxTimeMs, TimeUnit.MILLISECONDS));
    return Map.of("count", count);
  }

  /**
   * The same ObjectId for every delivery of one attempt: the dispatch time's seconds (so ids still
   * sort roughly by time) and eight bytes of the step id's SHA-256.
   */
  static ObjectId insertId(ExecuteStep step) {
    if (step.stepId() == null) {
      return new ObjectId();
    }
    byte[] hash = sha256(step.stepId());
    ByteBuffer bytes = ByteBuffer.allocate(12);
    if (step.dispatchedAt() != null) {
      bytes.putInt((int) step.dispatchedAt().getEpochSecond());
    } else {
      bytes.put(hash, 8, 4);
    }
    bytes.put(hash, 0, 8);
    return new ObjectId(bytes.array());
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The tightest of the configured maxTimeMS and the step's own budget. */
  private Duration maxTime(ExecuteStep step) {
    Duration maxTime = properties.maxTime();
    if (step.timeoutMs() > 0 && step.timeoutMs() < maxTime.toMillis()) {
      maxTime = Duration.ofMillis(step.timeoutMs());
    }
    return maxTime;
  }

  private StepFinished finished(
      ExecuteStep step, Instant startedAt, Object output, StepError error) {
    return new StepFinished(
        step.stepId(),
        step.executionId(),
        step.nodeId(),
        step.attempt(),
        error == null,
        output,
        error,
        null,
        startedAt,
        clock.instant());
  }
}
