package io.agentic.execution.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code execution_trees} collection: how many child executions each root execution has
 * created, so that a tree stays within its limit whichever instances create its children.
 */
@Component
public class ExecutionTrees {

  private final MongoCollection<Document> trees;

  public ExecutionTrees(MongoTemplate mongo) {
    this.trees = mongo.getCollection("execution_trees");
  }

  /**
   * Counts one more child under {@code rootExecutionId} if it has fewer than {@code limit}: one
   * conditional upsert, atomic on its own.
   *
   * @return false when the root already has {@code limit} children
   */
  public boolean reserve(String rootExecutionId, int limit) {
    try {
      trees.updateOne(
          and(eq("_id", rootExecutionId), lt("children", limit)),
          Updates.inc("children", 1),
          new UpdateOptions().upsert(true));
      return true;
    } catch (MongoWriteException e) {
      // The filter missed because the count is at the limit, and the upsert then hit the root's id.
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  public long children(String rootExecutionId) {
    Document d = trees.find(eq("_id", rootExecutionId)).first();
    return d == null ? 0 : ((Number) d.get("children")).longValue();
  }
}
