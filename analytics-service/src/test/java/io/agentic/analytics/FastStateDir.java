package io.agentic.analytics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.util.FileSystemUtils;

/**
 * Where tests keep Kafka Streams state. {@code TopologyTestDriver} commits after every record, and
 * each commit writes and syncs checkpoint files and flushes RocksDB: on a slow disk that costs tens
 * of milliseconds a record. A memory-backed file system ({@code /dev/shm}, when there is one) makes
 * syncs free; elsewhere the given directory is used.
 */
public final class FastStateDir {

  private static final Path SHARED_MEMORY = Path.of("/dev/shm");

  private FastStateDir() {}

  /** A fresh directory, removed when the JVM exits (tests may remove it sooner). */
  public static Path under(Path fallback) {
    if (Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)) {
      Path dir = SHARED_MEMORY.resolve("analytics-test-" + UUID.randomUUID());
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(dir.toFile())));
      return dir;
    }
    return fallback;
  }
}
