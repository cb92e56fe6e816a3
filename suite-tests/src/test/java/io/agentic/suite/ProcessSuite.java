package io.agentic.suite;

import io.agentic.local.infra.FreePorts;
import io.agentic.local.services.AgenticService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The suite in the multi-process mode, for crash tests: one JVM holds Kafka and MongoDB ({@code
 * LocalMode --infra-only}, Redis is the real one at {@code REDIS_URL}), and the gateway, auth-,
 * workflow- and execution-service each run in a JVM of their own ({@code LocalMode --service}) so
 * that a test can kill execution-service with SIGKILL and start it again. Started once per test JVM
 * and shared by every {@code *CrashIT}; ai-router- and analytics-service are not started (no crash
 * scenario uses them).
 */
final class ProcessSuite {

  static final int PARTITIONS = 2;
  private static final Duration START_LIMIT = Duration.ofSeconds(150);
  private static final List<AgenticService> STARTED =
      List.of(
          AgenticService.AUTH,
          AgenticService.WORKFLOW,
          AgenticService.EXECUTION,
          AgenticService.GATEWAY);

  private static ProcessSuite instance;
  private static RuntimeException failedStart;

  private final Path dataDir = Suite.temporaryDataDir();
  private final Path logDir;
  private final HttpTarget target = HttpTarget.start();
  private final Map<AgenticService, Integer> ports = new EnumMap<>(AgenticService.class);
  private final String secret = randomSecret();
  private final List<Process> processes = new ArrayList<>();
  private final Map<Integer, Process> executionInstances = new HashMap<>();
  private final Map<Process, Path> logs = new HashMap<>();
  private Map<String, String> infraAddresses;
  private GatewayClient gateway;
  private int started;

  private ProcessSuite() {
    try {
      logDir = Files.createDirectories(Path.of("target", "crash-logs"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (AgenticService service : AgenticService.values()) {
      ports.put(service, FreePorts.next());
    }
  }

  /** Starts the processes on first use; a failed start is reported to every later test at once. */
  static synchronized ProcessSuite get() {
    if (failedStart != null) {
      throw new IllegalStateException("the suite did not start: " + failedStart.getMessage());
    }
    if (instance == null) {
      ProcessSuite suite = new ProcessSuite();
      Runtime.getRuntime().addShutdownHook(new Thread(suite::close, "process-suite-shutdown"));
      try {
        suite.startAll();
      } catch (RuntimeException e) {
        failedStart = e;
        suite.close();
        throw e;
      }
      instance = suite;
    }
    return instance;
  }

  GatewayClient gateway() {
    return gateway;
  }

  String kafkaBootstrapServers() {
    return infraAddresses.get("KAFKA_BOOTSTRAP_SERVERS");
  }

  /** On the HTTP_REQUEST allow-list of every execution-service instance. */
  HttpTarget target() {
    return target;
  }

  /** The instance's JVM; instance 1 is the one behind the gateway. */
  synchronized Process execution(int number) {
    return executionInstances.get(number);
  }

  /** SIGKILL: no shutdown hook, no offsets committed, no outbox flushed. */
  synchronized void killExecution(int number) throws InterruptedException {
    Process process = executionInstances.remove(number);
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("execution-service " + number + " did not die");
    }
  }

  /** Starts instance {@code number} of execution-service and waits until it answers healthy. */
  synchronized void startExecution(int number) {
    executionInstances.put(
        number,
        awaitReady(launch(AgenticService.EXECUTION, number), AgenticService.EXECUTION, number));
  }

  private void startAll() {
    infraAddresses = startInfrastructure();
    Map<AgenticService, Process> launched = new EnumMap<>(AgenticService.class);
    for (AgenticService service : STARTED) {
      launched.put(service, launch(service, 1));
    }
    for (AgenticService service : STARTED) {
      Process process = awaitReady(launched.get(service), service, 1);
      if (service == AgenticService.EXECUTION) {
        executionInstances.put(1, process);
      }
    }
    gateway = new GatewayClient("http://localhost:" + ports.get(AgenticService.GATEWAY));
  }

  private Map<String, String> startInfrastructure() {
    Path log = logDir.resolve("infra.log");
    Process process = start(command(List.of("--infra-only")), log);
    String line = awaitLine(process, log, "Agentic infrastructure is ready: ");
    Map<String, String> addresses = new LinkedHashMap<>();
    for (String pair : line.substring(line.indexOf(": ") + 2).split(" ")) {
      int equals = pair.indexOf('=');
      addresses.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return addresses;
  }

  private Process launch(AgenticService service, int number) {
    List<String> args = new ArrayList<>(List.of("--service", service.serviceName()));
    if (number > 1) {
      args.addAll(List.of("--instance", Integer.toString(number)));
      args.addAll(List.of("--port", Integer.toString(FreePorts.next())));
    }
    Path log = logDir.resolve(service.serviceName() + "-" + number + "-" + (++started) + ".log");
    return start(command(args), log);
  }

  private Process awaitReady(Process process, AgenticService service, int number) {
    Path log;
    synchronized (this) {
      log = logs.get(process);
    }
    awaitLine(process, log, "Agentic " + service.serviceName() + " is ready");
    return process;
  }

  private Process start(List<String> command, Path log) {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("AGENTIC_DATA_DIR", dataDir.toString());
    env.put("AGENTIC_KAFKA_PARTITIONS", Integer.toString(PARTITIONS));
    env.put("AGENTIC_GATEWAY_SECRET", secret);
    env.put("AGENTIC_HTTP_ALLOW_HOSTS", target.hostAndPort());
    env.put("REDIS_URL", Suite.redisUrl());
    ports.forEach((service, port) -> env.put(service.portVariable(), Integer.toString(port)));
    if (infraAddresses != null) {
      env.putAll(infraAddresses);
    }
    try {
      Process process = builder.start();
      synchronized (this) {
        processes.add(process);
        logs.put(process, log);
      }
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The JVM options of {@code ./agentic}, the test classpath, and the test timings: millisecond
   * consumer settings (as test-support's), a quick outbox relay and timer poll, no rate limits.
   */
  private static List<String> command(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xss512k",
            "-Xmx384m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "--enable-native-access=ALL-UNNAMED"));
    Map<String, Object> properties = new LinkedHashMap<>(Suite.testProperties(null));
    properties.put("agentic.execution.relay-interval", "500ms");
    properties.put("agentic.execution.relay-grace", "500ms");
    properties.put("agentic.execution.timer-poll-interval", "200ms");
    properties.put("agentic.gateway.rate-limits.enabled", "false");
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.agentic.local.LocalMode");
    command.addAll(args);
    return command;
  }

  private static String awaitLine(Process process, Path log, String prefix) {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        for (String line : Files.readAllLines(log)) {
          if (line.startsWith(prefix)) {
            return line;
          }
        }
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "exited before '" + prefix + "':\n" + tail(Files.readString(log)));
        }
        TimeUnit.MILLISECONDS.sleep(200);
      }
      throw new IllegalStateException(
          "no '" + prefix + "' within " + START_LIMIT + ":\n" + tail(Files.readString(log)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String tail(String text) {
    return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
  }

  /** The services first (gateway last started, first stopped), then the infrastructure. */
  private synchronized void close() {
    List<Process> reversed = new ArrayList<>(processes);
    Collections.reverse(reversed);
    for (Process process : reversed.subList(0, Math.max(0, reversed.size() - 1))) {
      process.destroy();
    }
    for (Process process : reversed) {
      if (process != processes.getFirst()) {
        waitOrKill(process);
      }
    }
    if (!processes.isEmpty()) {
      processes.getFirst().destroy();
      waitOrKill(processes.getFirst());
    }
    target.close();
    Suite.deleteRecursively(dataDir);
  }

  private static void waitOrKill(Process process) {
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
