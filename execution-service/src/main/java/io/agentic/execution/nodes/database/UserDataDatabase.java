package io.agentic.execution.nodes.database;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.util.Locale;
import org.bson.BsonDocument;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The database that holds users' collections, apart from the platform's own. It has its own {@link
 * MongoTemplate} (deliberately not a bean: a second {@code MongoOperations} bean would make Spring
 * Boot's own template back off) over the service's {@link MongoClient}, or over a client of its own
 * when {@code agentic.database-node.uri} names a separate server or a user limited to this
 * database.
 */
public final class UserDataDatabase implements AutoCloseable {

  private final MongoTemplate template;
  private final MongoClient ownClient;

  private UserDataDatabase(MongoTemplate template, MongoClient ownClient) {
    this.template = template;
    this.ownClient = ownClient;
  }

  /**
   * Opens the user-data database.
   *
   * @param shared the service's client, used when {@code properties.uri()} is blank
   * @param platformDatabase the service's own database; the user-data database must differ from it
   */
  public static UserDataDatabase open(
      DatabaseStepProperties properties, MongoClient shared, String platformDatabase) {
    if (platformDatabase != null
        && properties
            .database()
            .toLowerCase(Locale.ROOT)
            .equals(platformDatabase.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "agentic.database-node.database must differ from the service's own database "
              + platformDatabase);
    }
    if (!properties.uri().isEmpty()) {
      MongoClient own =
          MongoClients.create(
              MongoClientSettings.builder()
                  .applyConnectionString(new ConnectionString(properties.uri()))
                  .applicationName("agentic-database-node")
                  .build());
      return new UserDataDatabase(new MongoTemplate(own, properties.database()), own);
    }
    if (shared == null) {
      throw new IllegalStateException(
          "DATABASE nodes need a MongoClient bean or agentic.database-node.uri");
    }
    return new UserDataDatabase(new MongoTemplate(shared, properties.database()), null);
  }

  String name() {
    return template.getDb().getName();
  }

  /** Runs {@code work} on a physical collection; driver errors come out translated by Spring. */
  <T> T inCollection(String physicalName, CollectionWork<T> work) {
    return template.execute(
        physicalName, collection -> work.run(collection.withDocumentClass(BsonDocument.class)));
  }

  /** What to do with one collection. */
  @FunctionalInterface
  interface CollectionWork<T> {
    T run(MongoCollection<BsonDocument> collection);
  }

  @Override
  public void close() {
    if (ownClient != null) {
      ownClient.close();
    }
  }
}
