package io.agentic.local.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server (the 6.2 binary shipped in embedded-redis) on a free loopback port, with an
 * append-only file under {@code dir} so that deny-lists, quotas and flags survive a restart.
 *
 * <p>The process is run here rather than through embedded-redis's {@code RedisServer}, whose own
 * JVM shutdown hook would stop Redis while the services are still closing; local mode stops it
 * after them. Its output is logged at DEBUG under this class.
 */
final class EmbeddedRedis implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
  private static final String READY = "Ready to accept connections";
  private static final String PID_FILE = "redis.pid";

  private final Process process;
  private final String url;

  private EmbeddedRedis(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  static EmbeddedRedis start(Path dir) {
    int port = FreePorts.next();
    try {
      Files.createDirectories(dir);
      stopOrphan(dir.resolve(PID_FILE));
      Path config = dir.resolve("redis.conf");
      Files.write(config, configuration(dir, port), StandardCharsets.UTF_8);
      String binary = ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
      List<String> command = new ArrayList<>();
      setsid().ifPresent(command::add);
      command.add(binary);
      command.add(config.toAbsolutePath().toString());
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      awaitReady(process);
      return new EmbeddedRedis(process, "redis://127.0.0.1:" + port);
    } catch (IOException e) {
      throw new UncheckedIOException("Redis could not start in " + dir, e);
    }
  }

  static List<String> configuration(Path dir, int port) {
    List<String> lines = new ArrayList<>();
    lines.add("# Written by local mode at every start; edits are overwritten");
    lines.add("bind 127.0.0.1");
    lines.add("port " + port);
    lines.add("dir " + quoted(dir.toAbsolutePath().toString()));
    lines.add("appendonly yes");
    lines.add("appendfsync everysec");
    lines.add("save \"\"");
    lines.add("daemonize no");
    lines.add("pidfile " + quoted(dir.resolve(PID_FILE).toAbsolutePath().toString()));
    return lines;
  }

  /**
   * A Redis left running by a local mode that was killed (it runs in its own session, so it
   * outlives a SIGKILL of the JVM) would still write to this directory's append-only file. The data
   * directory lock guarantees no live local mode owns it, so it is stopped before a new one starts.
   */
  private static void stopOrphan(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    String pid = Files.readString(pidFile).trim();
    try {
      ProcessHandle.of(Long.parseLong(pid))
          .filter(p -> p.info().command().orElse("").contains("redis-server"))
          .ifPresent(
              orphan -> {
                log.warn("stopping Redis (pid {}) left running by an earlier local mode", pid);
                orphan.destroy();
                orphan.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
              });
    } catch (NumberFormatException e) {
      log.debug("ignoring unreadable {}", pidFile);
    }
    Files.deleteIfExists(pidFile);
  }

  /**
   * Ctrl-C in a terminal signals the whole foreground process group: Redis, a child process, would
   * stop at once while the services still use it. In its own session it hears only local mode.
   * Where {@code setsid} is missing (macOS), Redis stays in the group and simply stops first.
   */
  private static Optional<String> setsid() {
    return Stream.of("/usr/bin/setsid", "/bin/setsid")
        .filter(path -> Files.isExecutable(Path.of(path)))
        .findFirst();
  }

  private static String quoted(String path) {
    return '"' + path.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** Reads the server's output until it says it is ready, then keeps draining it on a thread. */
  private static void awaitReady(Process process) throws IOException {
    BufferedReader output =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = output.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.contains(READY)) {
        Thread.ofPlatform().daemon().name("redis-output").start(() -> drain(output));
        return;
      }
    }
    process.destroyForcibly();
    throw new IOException("redis-server stopped before it was ready:\n" + seen);
  }

  private static void drain(BufferedReader output) {
    try {
      String line;
      while ((line = output.readLine()) != null) {
        log.debug("redis: {}", line);
      }
    } catch (IOException closedWhenRedisStopped) {
      // the process is gone; nothing more to read
    }
  }

  String url() {
    return url;
  }

  /** SIGTERM: Redis flushes its append-only file and exits; forced after ten seconds. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      log.warn("Redis did not stop within 10 s; killing it");
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
