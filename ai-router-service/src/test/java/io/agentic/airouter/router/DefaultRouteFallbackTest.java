package io.agentic.airouter.router;

import static io.agentic.airouter.FakeProvider.geminiAnswer;
import static io.agentic.airouter.FakeProvider.hang;
import static io.agentic.airouter.FakeProvider.json;
import static io.agentic.airouter.FakeProvider.openAiAnswer;
import static io.agentic.airouter.router.RouterFixture.output;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.airouter.AiRouterProperties;
import io.agentic.airouter.AiRouterProperties.Provider;
import io.agentic.airouter.FakeProvider;
import io.agentic.airouter.FakeProvider.Reply;
import io.agentic.airouter.FakeProvider.Request;
import io.agentic.airouter.ShippedConfiguration;
import io.agentic.airouter.TestConfig;
import io.agentic.airouter.routing.RouteTarget;
import io.agentic.contracts.ai.AiCallRecorded;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Down every default route of the shipped {@code ai-router-service.yml}: however its first target
 * fails (a 5xx, a 429, no answer in time), the next target answers and the output names the one
 * that failed. Each provider is a fake speaking its protocol; the providers keep their protocols
 * and models but get names of their own, so their Redis quotas are this test's alone.
 */
class DefaultRouteFallbackTest {

  /** How the first target of the route fails, and what the router makes of it. */
  enum Failure {
    SERVER_ERROR(json(500, "{}"), "failure", "error", 3),
    RATE_LIMITED(json(429, "{}"), "rate_limited", "rate_limited", 3),
    TIMEOUT(hang(), "timeout", "timeout", 1);

    final Reply reply;
    final String metricOutcome;
    final String usageOutcome;

    /** Calls the first target gets: failures worth retrying are retried up to max-attempts. */
    final int calls;

    Failure(Reply reply, String metricOutcome, String usageOutcome, int calls) {
      this.reply = reply;
      this.metricOutcome = metricOutcome;
      this.usageOutcome = usageOutcome;
      this.calls = calls;
    }
  }

  static final String SENTIMENT = "{\"label\": \"positive\", \"score\": 0.9}";

  final Map<String, FakeProvider> servers = new LinkedHashMap<>();
  RouterFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
    servers.values().forEach(FakeProvider::close);
  }

  static Stream<Arguments> routesAndFailures() {
    return ShippedConfiguration.bind(Map.of()).routes().keySet().stream()
        .flatMap(task -> Arrays.stream(Failure.values()).map(f -> Arguments.of(task, f)));
  }

  @ParameterizedTest(name = "{0}: the first target answers {1}")
  @MethodSource("routesAndFailures")
  void theNextTargetOfTheRouteAnswers(String taskType, Failure failure) {
    AiRouterProperties properties = shippedOnFakes(failure);
    List<RouteTarget> route = properties.routes().get(taskType);
    RouteTarget first = route.get(0);
    RouteTarget second = route.get(1);
    properties
        .providers()
        .forEach(
            (name, provider) ->
                servers
                    .get(name)
                    .always(
                        request ->
                            name.equals(first.provider()) && asks(request, first.model())
                                ? failure.reply
                                : answer(provider.protocol(), name, taskType)));
    fixture = new RouterFixture(properties);

    AiOutput out = output(fixture.answer(Map.of("taskType", taskType, "prompt", "hello")));

    assertThat(out.provider()).isEqualTo(second.provider());
    assertThat(out.model()).isEqualTo(second.model());
    assertThat(out.fallbackFrom()).containsExactly(first.provider());
    if (taskType.equals("sentiment_analysis")) {
      assertThat(out.json().path("label").asString()).isEqualTo("POSITIVE");
    } else {
      assertThat(out.text()).isEqualTo("answer from " + second.provider());
    }
    assertThat(servers.get(first.provider()).requests())
        .filteredOn(r -> asks(r, first.model()))
        .hasSize(failure.calls);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < failure.calls; i++) {
      expected.add(first.provider() + "/" + first.model() + " " + failure.usageOutcome);
    }
    expected.add(second.provider() + "/" + second.model() + " success");
    assertThat(fixture.usage)
        .extracting(c -> c.provider() + "/" + c.model() + " " + c.outcome())
        .containsExactlyElementsOf(expected);
    assertThat(fixture.usage.getLast())
        .extracting(AiCallRecorded::fallbackFrom)
        .asList()
        .containsExactly(first.provider());
    assertThat(fixture.providerCalls(first.provider(), failure.metricOutcome))
        .isEqualTo(failure.calls);
    assertThat(fixture.providerCalls(second.provider(), "success")).isEqualTo(1);
  }

  /**
   * The shipped routes and provider table, each provider renamed and pointed at a fake of its own;
   * retries back off 10 ms, and a call times out after a second when the test is about timeouts.
   */
  private AiRouterProperties shippedOnFakes(Failure failure) {
    AiRouterProperties shipped =
        ShippedConfiguration.bind(
            Map.of(
                "agentic.ai.resilience.retry.initial-backoff",
                "10ms",
                "agentic.ai.http.call-timeout",
                failure == Failure.TIMEOUT ? "1s" : "10s"));
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Provider> providers = new LinkedHashMap<>();
    shipped
        .providers()
        .forEach(
            (name, p) -> {
              String renamed = TestConfig.unique(name);
              FakeProvider server = FakeProvider.start();
              names.put(name, renamed);
              servers.put(renamed, server);
              providers.put(
                  renamed,
                  new Provider(
                      p.protocol(),
                      server.baseUrl(),
                      "key-" + renamed,
                      p.defaultModel(),
                      p.models(),
                      0,
                      0));
            });
    Map<String, List<RouteTarget>> routes = new LinkedHashMap<>();
    shipped
        .routes()
        .forEach(
            (task, targets) ->
                routes.put(
                    task,
                    targets.stream()
                        .map(t -> new RouteTarget(names.get(t.provider()), t.model()))
                        .toList()));
    return new AiRouterProperties(
        providers,
        routes,
        shipped.http(),
        shipped.resilience(),
        shipped.cache(),
        shipped.worker(),
        shipped.userDailyTokenBudget(),
        shipped.defaultStepTimeout(),
        shipped.chatCompletions());
  }

  /** Whether the request asks for {@code model}: in the URL (Gemini, classification) or body. */
  private static boolean asks(Request request, String model) {
    return request.path().contains("/" + model)
        || request.body().contains("\"model\":" + FakeProvider.quote(model));
  }

  /** A good answer in the provider's protocol. */
  private static Reply answer(String protocol, String provider, String taskType) {
    String text = taskType.equals("sentiment_analysis") ? SENTIMENT : "answer from " + provider;
    return switch (protocol) {
      case "gemini" -> geminiAnswer(text, 5, 5);
      case "huggingface", "openai" -> openAiAnswer(text, 5, 5);
      default -> throw new IllegalArgumentException(protocol);
    };
  }
}
