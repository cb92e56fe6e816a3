package io.agentic.execution.nodes.database;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of DATABASE nodes ({@code agentic.database-node.*}).
 *
 * @param database the database that holds users' collections; never one of the platform's own
 * @param uri a separate MongoDB connection for users' collections, e.g. a server or a user whose
 *     rights are limited to {@code database}; blank uses the service's own client
 * @param maxTime the longest a find or count may run on the server ({@code maxTimeMS}); the step's
 *     own timeout can only shorten it
 * @param defaultLimit documents a find returns when the node sets no {@code limit}
 * @param maxLimit the most documents a find returns, whatever the node's {@code limit}
 * @param maxDocumentSize the largest document insertOne stores (BSON size)
 * @param maxResultSize the most a find may return in all (BSON size); more fails the node
 */
@ConfigurationProperties("agentic.database-node")
public record DatabaseStepProperties(
    @DefaultValue("agentic-userdata") String database,
    @DefaultValue("") String uri,
    @DefaultValue("5s") Duration maxTime,
    @DefaultValue("100") int defaultLimit,
    @DefaultValue("1000") int maxLimit,
    @DefaultValue("1MB") DataSize maxDocumentSize,
    @DefaultValue("16MB") DataSize maxResultSize) {

  /** Databases that belong to the platform or to MongoDB itself. */
  static final Set<String> RESERVED_DATABASES =
      Set.of(
          "admin",
          "local",
          "config",
          "agentic-auth",
          "agentic-workflow",
          "agentic-execution",
          "agentic-ai-router",
          "agentic-analytics");

  public DatabaseStepProperties {
    database = database == null || database.isBlank() ? "agentic-userdata" : database.strip();
    uri = uri == null ? "" : uri.strip();
    maxTime = maxTime == null ? Duration.ofSeconds(5) : maxTime;
    maxDocumentSize = maxDocumentSize == null ? DataSize.ofMegabytes(1) : maxDocumentSize;
    maxResultSize = maxResultSize == null ? DataSize.ofMegabytes(16) : maxResultSize;
    if (RESERVED_DATABASES.contains(database.toLowerCase(java.util.Locale.ROOT))) {
      throw new IllegalArgumentException(
          "agentic.database-node.database must not be a platform or system database: " + database);
    }
    if (database.length() > 64 || !database.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException(
          "agentic.database-node.database must be 1..64 letters, digits, '-' or '_'");
    }
    if (maxTime.isNegative() || maxTime.isZero()) {
      throw new IllegalArgumentException("agentic.database-node.max-time must be positive");
    }
    if (defaultLimit < 1 || maxLimit < defaultLimit || maxLimit > 10_000) {
      throw new IllegalArgumentException(
          "agentic.database-node limits need 1 <= default-limit <= max-limit <= 10000");
    }
    if (maxDocumentSize.toBytes() < 1 || maxDocumentSize.toBytes() > 16L * 1024 * 1024) {
      throw new IllegalArgumentException(
          "agentic.database-node.max-document-size must be 1B..16MB");
    }
    if (maxResultSize.toBytes() < 1 || maxResultSize.toBytes() > 512L * 1024 * 1024) {
      throw new IllegalArgumentException("agentic.database-node.max-result-size must be 1B..512MB");
    }
  }
}
