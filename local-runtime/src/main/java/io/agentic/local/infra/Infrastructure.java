package io.agentic.local.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka, MongoDB and Redis for local mode: the external ones when their addresses are given, else
 * embedded ones started side by side and persisted under the data directory ({@code kafka/}, {@code
 * mongo/}, {@code redis/}). Closing stops Redis, then MongoDB, then Kafka.
 */
public final class Infrastructure implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

  private final String kafkaBootstrapServers;
  private final String mongoUri;
  private final String redisUrl;
  private final List<AutoCloseable> embedded;

  private Infrastructure(
      String kafkaBootstrapServers,
      String mongoUri,
      String redisUrl,
      List<AutoCloseable> embedded) {
    this.kafkaBootstrapServers = kafkaBootstrapServers;
    this.mongoUri = mongoUri;
    this.redisUrl = redisUrl;
    this.embedded = embedded;
  }

  /**
   * Starts what is missing. A {@code null} address means "start the embedded one". If any piece
   * fails, the pieces already started are stopped again before the error is thrown.
   *
   * @param partitions the embedded broker's default partition count
   */
  public static Infrastructure start(
      Path dataDir,
      String kafkaBootstrapServers,
      String mongoUri,
      String redisUrl,
      int partitions) {
    CompletableFuture<EmbeddedKafka> kafka =
        startIf(
            kafkaBootstrapServers == null,
            "Kafka",
            () -> EmbeddedKafka.start(dataDir.resolve("kafka"), partitions));
    CompletableFuture<EmbeddedMongo> mongo =
        startIf(mongoUri == null, "MongoDB", () -> EmbeddedMongo.start(dataDir.resolve("mongo")));
    CompletableFuture<EmbeddedRedis> redis =
        startIf(redisUrl == null, "Redis", () -> EmbeddedRedis.start(dataDir.resolve("redis")));
    try {
      CompletableFuture.allOf(kafka, mongo, redis).join();
    } catch (CompletionException e) {
      closeStarted(List.of(redis, mongo, kafka));
      throw asRuntime(e.getCause());
    }
    // Closing order: Redis, then MongoDB, then Kafka (the services are already stopped by then).
    List<AutoCloseable> started = new ArrayList<>();
    for (CompletableFuture<? extends AutoCloseable> piece : List.of(redis, mongo, kafka)) {
      if (piece.join() != null) {
        started.add(piece.join());
      }
    }
    return new Infrastructure(
        kafka.join() != null ? kafka.join().bootstrapServers() : kafkaBootstrapServers,
        mongo.join() != null ? mongo.join().uri() : mongoUri,
        redis.join() != null ? redis.join().url() : redisUrl,
        List.copyOf(started));
  }

  public String kafkaBootstrapServers() {
    return kafkaBootstrapServers;
  }

  public String mongoUri() {
    return mongoUri;
  }

  public String redisUrl() {
    return redisUrl;
  }

  @Override
  public void close() {
    embedded.forEach(Infrastructure::closeQuietly);
  }

  private static <T> CompletableFuture<T> startIf(boolean wanted, String name, Supplier<T> start) {
    if (!wanted) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<T> future = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("start-" + name)
        .start(
            () -> {
              try {
                future.complete(start.get());
              } catch (Throwable e) {
                future.completeExceptionally(
                    new IllegalStateException(
                        "embedded " + name + " failed to start: " + innermostMessage(e), e));
              }
            });
    return future;
  }

  private static void closeStarted(List<CompletableFuture<? extends AutoCloseable>> pieces) {
    for (CompletableFuture<? extends AutoCloseable> piece : pieces) {
      try {
        AutoCloseable started = piece.join();
        if (started != null) {
          closeQuietly(started);
        }
      } catch (CompletionException alreadyFailed) {
        // nothing was started by this piece
      }
    }
  }

  private static void closeQuietly(AutoCloseable piece) {
    long began = System.nanoTime();
    try {
      piece.close();
      log.debug(
          "{} stopped in {} ms",
          piece.getClass().getSimpleName(),
          (System.nanoTime() - began) / 1_000_000);
    } catch (Exception e) {
      log.warn("{} did not stop cleanly: {}", piece.getClass().getSimpleName(), e.toString());
    }
  }

  private static String innermostMessage(Throwable e) {
    Throwable innermost = e;
    while (innermost.getCause() != null) {
      innermost = innermost.getCause();
    }
    String message = innermost.getMessage() != null ? innermost.getMessage() : innermost.toString();
    return message.lines().findFirst().orElse(message);
  }

  private static RuntimeException asRuntime(Throwable e) {
    return e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
  }
}
