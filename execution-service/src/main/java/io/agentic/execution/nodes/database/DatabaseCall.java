package io.agentic.execution.nodes.database;

import java.util.Map;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * A DATABASE node's resolved data, checked: the shape, the operator allow-list and the sizes. Only
 * a call that passed every check exists, so a refused call never reaches the database.
 *
 * @param collection the name the node gave (not yet placed in the user's space)
 * @param filter the filter as BSON, empty when the node gave none
 * @param document the document to insert, or null
 * @param update the update, or null
 * @param limit the most documents a find returns
 */
record DatabaseCall(
    DatabaseOperation operation,
    Object collection,
    BsonDocument filter,
    BsonDocument document,
    BsonDocument update,
    int limit) {

  private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

  static DatabaseCall from(Map<String, Object> input, DatabaseStepProperties properties) {
    if (input == null) {
      throw DatabaseFailure.invalid("the node has no data");
    }
    DatabaseOperation operation = DatabaseOperation.of(input.get("operation"));
    for (String field : DatabaseOperation.FIELDS) {
      if (input.get(field) != null && !operation.takes(field)) {
        throw DatabaseFailure.invalid(operation + " does not take " + field);
      }
    }
    if (operation.needs() != null && input.get(operation.needs()) == null) {
      throw DatabaseFailure.invalid(operation + " needs " + operation.needs());
    }
    long maxBytes = properties.maxDocumentSize().toBytes();

    BsonDocument filter = new BsonDocument();
    Map<String, Object> filterJson = object(input, "filter");
    if (filterJson != null) {
      MongoOperatorPolicy.checkFilter(filterJson);
      filter = BsonValues.filter(filterJson);
      if (size(filter) > maxBytes) {
        throw DatabaseFailure.invalid("filter is larger than " + maxBytes + " bytes");
      }
    }

    BsonDocument update = null;
    Map<String, Object> updateJson = object(input, "update");
    if (updateJson != null) {
      MongoOperatorPolicy.checkUpdate(updateJson);
      update = BsonValues.document(updateJson);
      if (size(update) > maxBytes) {
        throw DatabaseFailure.invalid("update is larger than " + maxBytes + " bytes");
      }
    }

    BsonDocument document = null;
    Map<String, Object> documentJson = object(input, "document");
    if (documentJson != null) {
      MongoOperatorPolicy.checkDocument(documentJson);
      document = BsonValues.document(documentJson);
      long bytes = size(document);
      if (bytes > maxBytes) {
        throw new DatabaseFailure(
            DatabaseFailure.DOCUMENT_TOO_LARGE,
            "the document is " + bytes + " bytes; at most " + maxBytes + " may be stored",
            false);
      }
    }

    return new DatabaseCall(
        operation, input.get("collection"), filter, document, update, limit(input, properties));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> input, String field) {
    Object value = input.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw DatabaseFailure.invalid(field + " must be an object");
    }
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        throw DatabaseFailure.invalid(field + " must be an object with text keys");
      }
    }
    return (Map<String, Object>) map;
  }

  /** The node's limit, within the configured cap; results beyond the cap are not returned. */
  private static int limit(Map<String, Object> input, DatabaseStepProperties properties) {
    Object value = input.get("limit");
    if (value == null) {
      return properties.defaultLimit();
    }
    if (!(value instanceof Number number)
        || number.doubleValue() != Math.floor(number.doubleValue())
        || number.doubleValue() < 1) {
      throw DatabaseFailure.invalid("limit must be a whole number of at least 1");
    }
    return (int) Math.min(number.doubleValue(), properties.maxLimit());
  }

  private static long size(BsonDocument document) {
    return new RawBsonDocument(document, CODEC).getByteBuffer().remaining();
  }
}
