package io.agentic.airouter.router;

import static io.agentic.airouter.FakeProvider.geminiAnswer;
import static io.agentic.airouter.FakeProvider.hang;
import static io.agentic.airouter.FakeProvider.json;
import static io.agentic.airouter.FakeProvider.openAiAnswer;
import static io.agentic.airouter.TestConfig.chat;
import static io.agentic.airouter.router.RouterFixture.failure;
import static io.agentic.airouter.router.RouterFixture.output;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.agentic.airouter.FakeProvider;
import io.agentic.airouter.TestConfig;
import io.agentic.airouter.routing.RouteTarget;
import io.agentic.contracts.ai.AiCallRecorded;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Down the default route of {@code general}: gemini first, groq second. */
class FallbackTest {

  final FakeProvider geminiServer = FakeProvider.start();
  final FakeProvider groqServer = FakeProvider.start();
  final String gemini = TestConfig.unique("gemini");
  final String groq = TestConfig.unique("groq");
  TestConfig config =
      TestConfig.create()
          .provider(
              gemini, "gemini", geminiServer.baseUrl(), "g-key", chat("gemini-2.5-flash", 0.3, 2.5))
          .provider(
              groq,
              "openai",
              groqServer.baseUrl(),
              "q-key",
              chat("llama-3.1-8b-instant", 0.05, 0.08))
          .route(
              "general",
              new RouteTarget(gemini, "gemini-2.5-flash"),
              new RouteTarget(groq, "llama-3.1-8b-instant"));
  RouterFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
    geminiServer.close();
    groqServer.close();
  }

  @Test
  void aFailingPrimaryFallsBackToTheNextProviderAfterItsRetries() {
    geminiServer.always(json(500, "{}"));
    groqServer.then(openAiAnswer("from groq", 1_000_000, 500_000));
    fixture = new RouterFixture(config.build());

    AiOutput out = output(fixture.answer(Map.of("taskType", "general", "prompt", "hi")));

    assertThat(out.text()).isEqualTo("from groq");
    assertThat(out.provider()).isEqualTo(groq);
    assertThat(out.model()).isEqualTo("llama-3.1-8b-instant");
    assertThat(out.fallbackFrom()).containsExactly(gemini);
    assertThat(out.cached()).isFalse();
    assertThat(out.costUsd()).isEqualTo(0.09);
    assertThat(out.attempts()).isEqualTo(4);
    assertThat(geminiServer.count()).isEqualTo(3);
    assertThat(fixture.usage)
        .extracting(AiCallRecorded::provider, AiCallRecorded::outcome)
        .containsExactly(
            tuple(gemini, "error"),
            tuple(gemini, "error"),
            tuple(gemini, "error"),
            tuple(groq, "success"));
    assertThat(fixture.usage.getLast().fallbackFrom()).containsExactly(gemini);
    assertThat(fixture.usage.getLast().costUsd()).isEqualTo(0.09);
    assertThat(fixture.providerCalls(gemini, "failure")).isEqualTo(3);
    assertThat(fixture.providerCalls(groq, "success")).isEqualTo(1);
  }

  @Test
  void whenEveryProviderFailsTheMessageNamesEachAndWhy() {
    geminiServer.always(json(429, "{}", Map.of("Retry-After", "120")));
    groqServer.always(hang());
    fixture = new RouterFixture(config.callTimeout(Duration.ofMillis(300)).build());

    AiOutcome.Failed failed = failure(fixture.answer(Map.of("prompt", "hi")));

    assertThat(failed.code()).isEqualTo("AI_PROVIDERS_FAILED");
    assertThat(failed.retryable()).isTrue();
    assertThat(failed.deadlineReached()).isFalse();
    assertThat(failed.message())
        .isEqualTo(
            "No AI provider could answer: " + gemini + ": 429 rate limited; " + groq + ": timeout");
    // a Retry-After beyond max-retry-after is not waited for, and a timeout is not retried
    assertThat(geminiServer.count()).isEqualTo(1);
    assertThat(groqServer.count()).isEqualTo(1);
    assertThat(failed.spend().aiCalls()).isEqualTo(2);
    assertThat(fixture.usage)
        .extracting(AiCallRecorded::outcome)
        .containsExactly("rate_limited", "timeout");
    assertThat(fixture.providerCalls(gemini, "rate_limited")).isEqualTo(1);
    assertThat(fixture.providerCalls(groq, "timeout")).isEqualTo(1);
  }

  @Test
  void retryAfterIsHonouredBeforeTheNextTry() {
    geminiServer.then(
        json(429, "{}", Map.of("Retry-After", "1")), geminiAnswer("patience pays", 5, 5));
    fixture = new RouterFixture(config.build());

    AiOutput out = output(fixture.answer(Map.of("prompt", "hi")));

    assertThat(out.provider()).isEqualTo(gemini);
    assertThat(out.fallbackFrom()).isEmpty();
    assertThat(out.attempts()).isEqualTo(2);
    var requests = geminiServer.requests();
    assertThat(Duration.ofNanos(requests.get(1).receivedNanos() - requests.get(0).receivedNanos()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void aRetryAfterBeyondTheStepDeadlineMovesOnAtOnce() {
    geminiServer.always(json(429, "{}", Map.of("Retry-After", "1")));
    groqServer.then(openAiAnswer("quick", 1, 1));
    fixture = new RouterFixture(config.build());

    long start = System.nanoTime();
    AiOutput out =
        output(fixture.answer(Map.of("prompt", "hi"), "u-" + gemini, Duration.ofMillis(800)));

    assertThat(out.provider()).isEqualTo(groq);
    assertThat(geminiServer.count()).isEqualTo(1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(800));
  }

  @Test
  void aRefusedKeyIsNotRetriedAndTheProviderIsSkippedAfterwards() {
    geminiServer.always(json(401, "{}"));
    groqServer.always(openAiAnswer("ok", 1, 1));
    fixture = new RouterFixture(config.build());

    AiOutput first = output(fixture.answer(Map.of("prompt", "hi")));
    AiOutput second = output(fixture.answer(Map.of("prompt", "hi again")));

    assertThat(first.provider()).isEqualTo(groq);
    assertThat(first.fallbackFrom()).containsExactly(gemini);
    assertThat(second.provider()).isEqualTo(groq);
    assertThat(second.fallbackFrom()).isEmpty();
    assertThat(geminiServer.count()).isEqualTo(1);
    assertThat(fixture.health.unauthorized(gemini)).isTrue();
  }

  @Test
  void theStepDeadlineBoundsAHangingProviderAndTheFallbacks() {
    geminiServer.always(hang());
    groqServer.always(hang());
    fixture = new RouterFixture(config.build());

    long start = System.nanoTime();
    AiOutcome.Failed failed =
        failure(fixture.answer(Map.of("prompt", "hi"), "u", Duration.ofMillis(400)));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    assertThat(failed.message())
        .contains(gemini + ": step deadline reached")
        .contains(groq + ": not tried, step deadline reached");
    assertThat(failed.deadlineReached()).isTrue();
    assertThat(groqServer.count()).isZero();
  }

  @Test
  void emptyAnswersAndInvalidJsonFallBack() {
    geminiServer.then(geminiAnswer(" ", 3, 0));
    groqServer.then(openAiAnswer("{\"answer\": 42}", 2, 2));
    fixture = new RouterFixture(config.build());

    AiOutput out = output(fixture.answer(Map.of("prompt", "hi", "responseFormat", "json")));

    assertThat(out.provider()).isEqualTo(groq);
    assertThat(out.json().path("answer").asInt()).isEqualTo(42);
    assertThat(out.text()).isEqualTo("{\"answer\": 42}");

    geminiServer.then(geminiAnswer("Sure! Here you go", 3, 4));
    groqServer.then(openAiAnswer("```json\n{\"ok\": true}\n```", 2, 2));

    AiOutput fenced = output(fixture.answer(Map.of("prompt", "hi", "responseFormat", "json")));

    assertThat(fenced.provider()).isEqualTo(groq);
    assertThat(fenced.fallbackFrom()).containsExactly(gemini);
    assertThat(fenced.json().path("ok").asBoolean()).isTrue();
    assertThat(geminiServer.requests().getLast().body()).contains("application/json");
  }
}
