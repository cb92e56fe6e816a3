package io.agentic.suite.ai;

import io.agentic.local.LocalMode;
import io.agentic.local.LocalSettings;
import io.agentic.local.LocalSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A second whole suite in local mode, started once per test JVM for the tests of {@code
 * io.agentic.suite.ai} and {@code io.agentic.suite.nodes}: the shared {@code Suite} configures no
 * AI provider and only one allowed target that cannot redirect, so this one points every provider
 * ({@code GEMINI_BASE_URL}, {@code GROQ_BASE_URL}, {@code OPENROUTER_BASE_URL}, {@code
 * HUGGINGFACE_BASE_URL} and keys) at local fakes and puts its own outside-web fake on the
 * HTTP_REQUEST allow-list. Everything is embedded (Redis included) in its own temporary directory
 * on free ports, so it can run beside {@code Suite} in the same JVM.
 */
public final class AiSuite {

  private static LocalSuite suite;
  private static Gateway gateway;
  private static FakeServer gemini;
  private static FakeServer groq;
  private static FakeServer openRouter;
  private static FakeServer huggingFace;
  private static FakeServer allowedWeb;
  private static FakeServer blockedWeb;
  private static RuntimeException failedStart;

  private AiSuite() {}

  public static Gateway gateway() {
    start();
    return gateway;
  }

  /** On the allow-list: echoes, and {@code /redirect?to=} redirects. */
  public static FakeServer allowedWeb() {
    start();
    return allowedWeb;
  }

  /** On loopback and not on the allow-list: HTTP_REQUEST nodes must never reach it. */
  public static FakeServer blockedWeb() {
    start();
    return blockedWeb;
  }

  public static FakeServer gemini() {
    start();
    return gemini;
  }

  public static FakeServer openRouter() {
    start();
    return openRouter;
  }

  public static FakeServer groq() {
    start();
    return groq;
  }

  public static FakeServer huggingFace() {
    start();
    return huggingFace;
  }

  private static synchronized void start() {
    if (failedStart != null) {
      throw new IllegalStateException(
          "the AI suite did not start: " + failedStart.getMessage(), failedStart);
    }
    if (suite != null) {
      return;
    }
    try {
      startOnce();
    } catch (RuntimeException e) {
      failedStart = e;
      throw e;
    }
  }

  private static void startOnce() {
    gemini = FakeProviders.gemini();
    groq = FakeProviders.openAi("groq");
    openRouter = FakeProviders.openAi("openrouter");
    huggingFace = FakeProviders.huggingFace();
    allowedWeb = FakeProviders.web();
    blockedWeb = FakeProviders.web();
    List<FakeServer> fakes = List.of(gemini, groq, openRouter, huggingFace, allowedWeb, blockedWeb);
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("agentic-ai-suite-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LocalSettings settings =
        LocalSettings.onFreePorts(dataDir).withKafkaPartitions(2).withProperties(properties());
    try {
      suite = LocalMode.start(settings);
    } catch (RuntimeException e) {
      fakes.forEach(FakeServer::close);
      deleteRecursively(dataDir);
      throw e;
    }
    gateway = new Gateway(suite.gatewayUrl());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  suite.close();
                  fakes.forEach(FakeServer::close);
                  deleteRecursively(dataDir);
                },
                "ai-suite-shutdown"));
  }

  private static Map<String, Object> properties() {
    Map<String, Object> p = new LinkedHashMap<>();
    // the same millisecond-scale consumer timings as the shared Suite
    p.put("agentic.kafka.retry-backoff", "20ms");
    p.put("spring.kafka.consumer.properties.session.timeout.ms", "6000");
    p.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "200");
    p.put("spring.kafka.consumer.properties.max.poll.interval.ms", "30000");
    p.put("spring.kafka.consumer.properties.metadata.max.age.ms", "1000");
    p.put("spring.kafka.listener.poll-timeout", "200ms");
    p.put("spring.kafka.producer.properties.linger.ms", "0");
    p.put("agentic.http.allow-hosts", allowedWeb.hostAndPort());
    // a revoked token ends an event stream at the next heartbeat: keep the wait short
    p.put("agentic.execution.event-heartbeat", "2s");
    // the 500 answers of the fallback tests must not open a circuit for the other tests
    p.put("agentic.ai.resilience.circuit-breaker.sliding-window-size", "1000");
    p.put("agentic.ai.resilience.circuit-breaker.minimum-calls", "1000");
    p.put("GEMINI_BASE_URL", "http://" + gemini.hostAndPort());
    p.put("GEMINI_API_KEY", "fake-gemini-key");
    p.put("GROQ_BASE_URL", "http://" + groq.hostAndPort() + "/openai/v1");
    p.put("GROQ_API_KEY", "fake-groq-key");
    p.put("OPENROUTER_BASE_URL", "http://" + openRouter.hostAndPort() + "/api/v1");
    p.put("OPENROUTER_API_KEY", "fake-openrouter-key");
    p.put("HUGGINGFACE_BASE_URL", "http://" + huggingFace.hostAndPort());
    p.put("HUGGINGFACE_API_KEY", "fake-huggingface-key");
    return p;
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is not worth failing a run for
    }
  }
}
