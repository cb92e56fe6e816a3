package io.agentic.execution.nodes.database;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory MongoDB-wire server on a random port and a real driver client to it, which records
 * every command it sends (so a test can prove that a refused step sent nothing).
 */
final class InMemoryMongo implements AutoCloseable {

  /** A command as the driver sent it. */
  record SentCommand(String database, String name) {}

  private final MongoServer server = new MongoServer(new MemoryBackend());
  private final List<SentCommand> sent = new CopyOnWriteArrayList<>();
  private final String uri;
  final MongoClient client;

  InMemoryMongo() {
    InetSocketAddress address = server.bind();
    uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
    client =
        MongoClients.create(
            MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .addCommandListener(
                    new CommandListener() {
                      @Override
                      public void commandStarted(CommandStartedEvent event) {
                        sent.add(new SentCommand(event.getDatabaseName(), event.getCommandName()));
                      }
                    })
                .build());
  }

  String uri() {
    return uri;
  }

  /** Commands sent to {@code database} since the last call. */
  List<SentCommand> sentTo(String database) {
    List<SentCommand> matching = sent.stream().filter(c -> c.database().equals(database)).toList();
    sent.clear();
    return matching;
  }

  void forgetSent() {
    sent.clear();
  }

  @Override
  public void close() {
    client.close();
    server.shutdownNow();
  }
}
