package io.agentic.airouter.router;

import static io.agentic.airouter.FakeProvider.geminiAnswer;
import static io.agentic.airouter.TestConfig.chat;
import static io.agentic.airouter.router.RouterFixture.output;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.airouter.FakeProvider;
import io.agentic.airouter.TestConfig;
import io.agentic.airouter.provider.FinishReason;
import io.agentic.airouter.provider.TokenUsage;
import io.agentic.airouter.routing.RouteTarget;
import io.agentic.contracts.ai.AiCallRecorded;
import io.agentic.platform.observability.AgenticMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CacheTest {

  final FakeProvider geminiServer = FakeProvider.start();
  final String gemini = TestConfig.unique("gemini");
  final RouterFixture fixture =
      new RouterFixture(
          TestConfig.create()
              .provider(
                  gemini, "gemini", geminiServer.baseUrl(), "g", chat("gemini-2.5-flash", 1, 1))
              .route("general", new RouteTarget(gemini, "gemini-2.5-flash"))
              .build());
  final String user = "user-" + UUID.randomUUID();

  @AfterEach
  void stop() {
    fixture.close();
    geminiServer.close();
  }

  AiOutcome ask(Map<String, Object> input, String who) {
    return fixture.answer(input, who, Duration.ofSeconds(5));
  }

  @Test
  void aRepeatedDeterministicRequestIsAnsweredFromTheCacheAtNoCost() {
    geminiServer.always(geminiAnswer("{\"n\": 1}", 100, 100));
    Map<String, Object> request =
        Map.of("prompt", "count", "temperature", 0, "responseFormat", "json", "maxTokens", 10);

    AiOutput first = output(ask(request, user));
    AiOutput second = output(ask(request, user));

    assertThat(first.cached()).isFalse();
    assertThat(first.costUsd()).isPositive();
    assertThat(second.cached()).isTrue();
    assertThat(second.costUsd()).isZero();
    assertThat(second.usage()).isEqualTo(TokenUsage.NONE);
    assertThat(second.attempts()).isZero();
    assertThat(second.text()).isEqualTo(first.text());
    assertThat(second.json()).isEqualTo(first.json());
    assertThat(second.provider()).isEqualTo(gemini);
    assertThat(geminiServer.count()).isEqualTo(1);
    assertThat(fixture.usage.getLast())
        .extracting(AiCallRecorded::cached, AiCallRecorded::costUsd, AiCallRecorded::outcome)
        .containsExactly(true, 0.0, "success");
    assertThat(cacheReads("miss")).isEqualTo(1);
    assertThat(cacheReads("hit")).isEqualTo(1);
    assertThat(fixture.providerCalls(gemini, "success")).isEqualTo(1);
  }

  @Test
  void aCachedAnswerKeepsItsFinishReason() {
    geminiServer.always(geminiAnswer("cut sho", 1, 1, "MAX_TOKENS"));
    Map<String, Object> request = Map.of("prompt", "long story", "temperature", 0);

    AiOutput first = output(ask(request, user));
    AiOutput second = output(ask(request, user));

    assertThat(second.cached()).isTrue();
    assertThat(first.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(second.finishReason()).isEqualTo(FinishReason.LENGTH);
  }

  @Test
  void onlyIdenticalDeterministicRequestsOfTheSameUserShareAnAnswer() {
    geminiServer.always(geminiAnswer("answer", 1, 1));
    Map<String, Object> request = Map.of("prompt", "same", "temperature", 0.0);

    ask(request, user);
    ask(request, "someone-else-" + UUID.randomUUID());
    ask(Map.of("prompt", "same", "temperature", 0.0, "systemPrompt", "be terse"), user);
    ask(Map.of("prompt", "same", "temperature", 0.0, "maxTokens", 5), user);
    ask(Map.of("prompt", "same", "temperature", 0.7), user);
    ask(Map.of("prompt", "same", "temperature", 0.7), user);
    ask(Map.of("prompt", "same"), user);

    assertThat(geminiServer.count()).isEqualTo(7);
    assertThat(output(ask(request, user)).cached()).isTrue();
    assertThat(geminiServer.count()).isEqualTo(7);
    // only deterministic requests read the cache: four misses, then the hit
    assertThat(cacheReads("miss")).isEqualTo(4);
    assertThat(cacheReads("hit")).isEqualTo(1);
  }

  private double cacheReads(String result) {
    return fixture
        .meters
        .get(AgenticMetrics.CACHE_REQUESTS)
        .tag(AgenticMetrics.CACHE, "ai-answer")
        .tag(AgenticMetrics.RESULT, result)
        .counter()
        .count();
  }
}
