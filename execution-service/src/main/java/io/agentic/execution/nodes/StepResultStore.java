package io.agentic.execution.nodes;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.execution.store.StateJson;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code step_results} collection: each step's result under its step id, recorded before it is
 * published, so that a redelivered step is answered with the same result instead of running again.
 */
@Component
class StepResultStore {

  private final MongoCollection<Document> results;

  StepResultStore(MongoTemplate mongo) {
    this.results = mongo.getCollection("step_results");
  }

  Optional<StepFinished> find(String stepId) {
    Document d = results.find(eq("_id", stepId)).first();
    return Optional.ofNullable(d)
        .map(doc -> StateJson.read(doc.getString("result"), StepFinished.class));
  }

  /**
   * Records {@code result} unless a result for its step is recorded already.
   *
   * @return the recorded result: {@code result}, or the one recorded first
   */
  StepFinished recordIfAbsent(StepFinished result) {
    try {
      results.insertOne(
          new Document("_id", result.stepId())
              .append("executionId", result.executionId())
              .append("result", StateJson.write(result))
              .append("recordedAt", new Date()));
      return result;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      return find(result.stepId()).orElse(result);
    }
  }
}
