package io.agentic.local.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * The real Kafka broker, one node in KRaft combined mode (broker and controller), keeping its log
 * under {@code <dir>/logs}. The cluster id is kept in {@code <dir>/cluster-id} so a restart finds
 * its topics, offsets and messages again. Ports are fresh at every start; clients only ever use the
 * bootstrap address handed to them.
 */
final class EmbeddedKafka implements AutoCloseable {

  private final KafkaRaftServer server;
  private final String bootstrapServers;

  private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  static EmbeddedKafka start(Path dir, int partitions) {
    try {
      Files.createDirectories(dir);
      int brokerPort = FreePorts.next();
      int controllerPort = FreePorts.next();
      Properties props =
          brokerProperties(dir.resolve("logs"), brokerPort, controllerPort, partitions);
      Path configFile = dir.resolve("server.properties");
      try (Writer out = Files.newBufferedWriter(configFile)) {
        props.store(out, "Written by local mode at every start; edits are overwritten");
      }
      format(clusterId(dir), configFile);
      KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
      server.startup();
      return new EmbeddedKafka(server, "127.0.0.1:" + brokerPort);
    } catch (IOException e) {
      throw new UncheckedIOException("Kafka could not prepare " + dir, e);
    }
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort, int parts) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.setProperty(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
    // One node: every internal topic has one replica, and few partitions keep start-up quick.
    p.setProperty("num.partitions", Integer.toString(parts));
    p.setProperty("default.replication.factor", "1");
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", Integer.toString(parts));
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("transaction.state.log.num.partitions", Integer.toString(parts));
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("auto.create.topics.enable", "true");
    return p;
  }

  /** The id the log directory was (or will be) formatted with, created once and kept. */
  private static String clusterId(Path dir) throws IOException {
    Path file = dir.resolve("cluster-id");
    if (Files.exists(file)) {
      return Files.readString(file).trim();
    }
    String id = Uuid.randomUuid().toString();
    Files.writeString(file, id + System.lineSeparator());
    return id;
  }

  /** Formats the log directory on first start; later starts find it formatted and leave it. */
  private static void format(String clusterId, Path configFile) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      String[] args = {
        "format", "-t", clusterId, "-c", configFile.toString(), "--ignore-formatted"
      };
      status = StorageTool.execute(args, out);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Kafka could not format its log directory: " + e.getMessage(), e);
    }
    if (status != 0) {
      throw new IllegalStateException(
          "Kafka could not format its log directory: " + output.toString(StandardCharsets.UTF_8));
    }
  }
}
