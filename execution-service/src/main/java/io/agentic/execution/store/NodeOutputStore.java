package io.agentic.execution.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.agentic.platform.kafka.ContractJson;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code node_outputs} collection: node outputs too large to keep in their execution's
 * document, as JSON text cut into chunks that each fit a document (MongoDB's limit is 16 MB). Each
 * chunk is one idempotent single-document write, done before the state pointing at them.
 */
@Component
public class NodeOutputStore {

  /** Characters per chunk: at most 12 MB of UTF-8, well below the document limit. */
  static final int CHUNK_CHARS = 4 * 1024 * 1024;

  private final MongoCollection<Document> chunks;

  public NodeOutputStore(MongoTemplate mongo) {
    this.chunks = mongo.getCollection("node_outputs");
    chunks.createIndex(Indexes.ascending("key", "chunk"));
    chunks.createIndex(Indexes.ascending("executionId"));
  }

  void write(String executionId, String key, Object value) {
    String json = ContractJson.mapper().writeValueAsString(value);
    int count = Math.max(1, (json.length() + CHUNK_CHARS - 1) / CHUNK_CHARS);
    for (int i = 0; i < count; i++) {
      String part = json.substring(i * CHUNK_CHARS, Math.min(json.length(), (i + 1) * CHUNK_CHARS));
      Document chunk =
          new Document("_id", key + "#" + i)
              .append("executionId", executionId)
              .append("key", key)
              .append("chunk", i)
              .append("chunks", count)
              .append("data", part);
      chunks.replaceOne(eq("_id", chunk.get("_id")), chunk, new ReplaceOptions().upsert(true));
    }
  }

  /** The stored value; empty if its chunks are not (all) there. */
  public Optional<Object> read(String key) {
    StringBuilder json = new StringBuilder();
    int expected = -1;
    int seen = 0;
    for (Document chunk : chunks.find(eq("key", key)).sort(Sorts.ascending("chunk"))) {
      expected = chunk.getInteger("chunks", 1);
      json.append(chunk.getString("data"));
      seen++;
    }
    if (seen == 0 || seen != expected) {
      return Optional.empty();
    }
    return Optional.ofNullable(ContractJson.mapper().readValue(json.toString(), Object.class));
  }

  void deleteAll(String executionId) {
    chunks.deleteMany(eq("executionId", executionId));
  }
}
