package io.agentic.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.local.infra.FreePorts;
import io.agentic.local.services.AgenticService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code LocalMode.main} as {@code ./agentic start} runs it, in a separate JVM: one line when
 * ready, a clean stop on SIGTERM/Ctrl-C, and a one-line reason with a non-zero exit otherwise.
 */
class LocalModeMainIT {

  private static final Duration START_LIMIT = Duration.ofSeconds(180);

  @TempDir Path dir;

  @Test
  void printsOneReadyLineAndStopsCleanlyOnSigterm() throws Exception {
    // given
    Path output = dir.resolve("out.txt");
    ProcessBuilder builder = localMode(output);
    Map<String, String> env = builder.environment();
    env.put("AGENTIC_DATA_DIR", dir.resolve("data").toString());
    for (AgenticService service : AgenticService.values()) {
      env.put(service.portVariable(), Integer.toString(FreePorts.next()));
    }

    // when it starts
    Process process = builder.start();
    try {
      String ready = awaitLine(process, output, "Agentic is ready on ");

      // then exactly one line announces it, naming the gateway's address
      assertThat(ready)
          .matches(
              "Agentic is ready on http://localhost:"
                  + env.get("PORT")
                  + " \\(started in \\d+\\.\\d s\\)");
      assertThat(Files.readAllLines(output).stream().filter(l -> l.startsWith("Agentic")))
          .hasSize(1);

      // and when it is told to stop (SIGTERM, as Ctrl-C's SIGINT), it stops promptly
      process.destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
    } finally {
      process.destroyForcibly();
    }

    // and in order: Redis outlived the services using it, and is gone now
    String log = Files.readString(output);
    assertThat(log).doesNotContain("Cannot reconnect", "Exception in thread");
    assertThat(dir.resolve("data/redis/redis.pid")).doesNotExist();
  }

  @Test
  void explainsABadSettingInOneLineAndExitsWithFailure() throws Exception {
    Path output = dir.resolve("bad.txt");
    ProcessBuilder builder = localMode(output);
    builder.environment().put("AGENTIC_DATA_DIR", dir.resolve("data").toString());
    builder.environment().put("PORT", "http");

    Process process = builder.start();

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isNotZero();
    assertThat(Files.readAllLines(output))
        .contains("Agentic could not start: PORT must be a port number, not 'http'");
  }

  private static ProcessBuilder localMode(Path output) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(
            java.toString(),
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            LocalMode.class.getName());
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
  }

  private static String awaitLine(Process process, Path output, String prefix)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : Files.readAllLines(output)) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
      if (!process.isAlive()) {
        throw new AssertionError("local mode exited early:\n" + Files.readString(output));
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not ready within " + START_LIMIT + ":\n" + Files.readString(output));
  }
}
