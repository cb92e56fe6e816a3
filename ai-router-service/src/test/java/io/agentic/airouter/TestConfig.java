package io.agentic.airouter;

import io.agentic.airouter.AiRouterProperties.Model;
import io.agentic.airouter.AiRouterProperties.Provider;
import io.agentic.airouter.routing.RouteTarget;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.util.unit.DataSize;

/**
 * Builds {@link AiRouterProperties} for tests: providers pointing at fakes, small circuit-breaker
 * windows and millisecond backoffs so nothing waits long.
 */
public final class TestConfig {

  private final Map<String, Provider> providers = new LinkedHashMap<>();
  private final Map<String, List<RouteTarget>> routes = new LinkedHashMap<>();
  private Duration callTimeout = Duration.ofSeconds(5);
  private int maxAttempts = 3;
  private Duration maxRetryAfter = Duration.ofSeconds(2);
  private AiRouterProperties.CircuitBreaker breaker =
      new AiRouterProperties.CircuitBreaker(10, 5, 50, Duration.ofSeconds(30), 1);
  private int maxConcurrentCalls = 16;
  private long budget;
  private boolean cache = true;
  private long maxResponseBytes = DataSize.ofMegabytes(1).toBytes();

  public static TestConfig create() {
    return new TestConfig();
  }

  /** A provider name unique to this test, so Redis quotas never mix between tests or runs. */
  public static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public TestConfig provider(
      String name,
      String protocol,
      String baseUrl,
      String key,
      long requestLimit,
      Model... models) {
    providers.put(
        name,
        new Provider(protocol, baseUrl, key, models[0].name(), List.of(models), requestLimit, 0));
    return this;
  }

  public TestConfig provider(
      String name, String protocol, String baseUrl, String key, Model... models) {
    return provider(name, protocol, baseUrl, key, 0, models);
  }

  public TestConfig route(String taskType, RouteTarget... targets) {
    routes.put(taskType, List.of(targets));
    return this;
  }

  public TestConfig callTimeout(Duration timeout) {
    this.callTimeout = timeout;
    return this;
  }

  public TestConfig maxAttempts(int attempts) {
    this.maxAttempts = attempts;
    return this;
  }

  public TestConfig maxRetryAfter(Duration wait) {
    this.maxRetryAfter = wait;
    return this;
  }

  public TestConfig breaker(int window, int minimumCalls, Duration openFor, int halfOpenCalls) {
    this.breaker =
        new AiRouterProperties.CircuitBreaker(window, minimumCalls, 50, openFor, halfOpenCalls);
    return this;
  }

  public TestConfig maxConcurrentCalls(int calls) {
    this.maxConcurrentCalls = calls;
    return this;
  }

  public TestConfig userDailyTokenBudget(long tokens) {
    this.budget = tokens;
    return this;
  }

  public TestConfig cache(boolean enabled) {
    this.cache = enabled;
    return this;
  }

  public TestConfig maxResponseBytes(long bytes) {
    this.maxResponseBytes = bytes;
    return this;
  }

  public AiRouterProperties build() {
    return new AiRouterProperties(
        providers,
        routes,
        new AiRouterProperties.Http(
            Duration.ofSeconds(2), callTimeout, DataSize.ofBytes(maxResponseBytes)),
        new AiRouterProperties.Resilience(
            new AiRouterProperties.Retry(maxAttempts, Duration.ofMillis(10), 2.0, maxRetryAfter),
            breaker,
            maxConcurrentCalls,
            20),
        new AiRouterProperties.Cache(cache, Duration.ofMinutes(5)),
        new AiRouterProperties.Worker(4, 4, Duration.ofSeconds(10)),
        budget,
        Duration.ofSeconds(30),
        new AiRouterProperties.ChatCompletions(Duration.ofSeconds(30)));
  }

  public static Model chat(String name, double inputPerMillion, double outputPerMillion) {
    return new Model(name, inputPerMillion, outputPerMillion, Model.CHAT);
  }

  public static Model classifier(String name) {
    return new Model(name, 0, 0, Model.CLASSIFICATION);
  }
}
