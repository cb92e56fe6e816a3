package io.agentic.local.infra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB-wire server (mongo-java-server) on an H2 MVStore file, {@code <dir>/agentic.mv}, on a
 * free loopback port. It offers single-document atomicity, which is all the services rely on.
 */
final class EmbeddedMongo implements AutoCloseable {

  private final MongoServer server;
  private final String uri;

  private EmbeddedMongo(MongoServer server, String uri) {
    this.server = server;
    this.uri = uri;
  }

  static EmbeddedMongo start(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("MongoDB could not prepare " + dir, e);
    }
    MongoServer server =
        new MongoServer(new H2Backend(dir.resolve("agentic.mv").toAbsolutePath().toString()));
    server.bind("127.0.0.1", 0);
    return new EmbeddedMongo(server, "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
  }

  String uri() {
    return uri;
  }

  /** Stops listening, drops the clients still connected and closes (flushes) the H2 file. */
  @Override
  public void close() {
    server.shutdownNow();
  }
}
