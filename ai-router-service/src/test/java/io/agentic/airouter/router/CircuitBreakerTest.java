package io.agentic.airouter.router;

import static io.agentic.airouter.FakeProvider.geminiAnswer;
import static io.agentic.airouter.FakeProvider.json;
import static io.agentic.airouter.FakeProvider.openAiAnswer;
import static io.agentic.airouter.TestConfig.chat;
import static io.agentic.airouter.router.RouterFixture.failure;
import static io.agentic.airouter.router.RouterFixture.output;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.airouter.FakeProvider;
import io.agentic.airouter.MutableClock;
import io.agentic.airouter.TestConfig;
import io.agentic.airouter.routing.RouteTarget;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  final FakeProvider geminiServer = FakeProvider.start();
  final FakeProvider groqServer = FakeProvider.start();
  final String gemini = TestConfig.unique("gemini");
  final String groq = TestConfig.unique("groq");
  final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T10:00:00Z"));
  final RouterFixture fixture =
      new RouterFixture(
          TestConfig.create()
              .provider(
                  gemini, "gemini", geminiServer.baseUrl(), "g", chat("gemini-2.5-flash", 0, 0))
              .provider(
                  groq, "openai", groqServer.baseUrl(), "q", chat("llama-3.1-8b-instant", 0, 0))
              .route(
                  "general",
                  new RouteTarget(gemini, "gemini-2.5-flash"),
                  new RouteTarget(groq, "llama-3.1-8b-instant"))
              .maxAttempts(1)
              .breaker(2, 2, Duration.ofSeconds(30), 1)
              .build(),
          clock);

  @AfterEach
  void stop() {
    fixture.close();
    geminiServer.close();
    groqServer.close();
  }

  @Test
  void opensAfterFailuresThenSkipsTheProviderThenRecoversThroughHalfOpen() {
    geminiServer.then(json(500, "{}"), json(500, "{}"));
    groqServer.always(openAiAnswer("groq", 1, 1));

    // two failures fill the window: the circuit opens
    assertThat(output(fixture.answer(Map.of("prompt", "1"))).fallbackFrom())
        .containsExactly(gemini);
    assertThat(output(fixture.answer(Map.of("prompt", "2"))).fallbackFrom())
        .containsExactly(gemini);
    assertThat(fixture.guards.breaker(gemini).getState()).isEqualTo(State.OPEN);

    // while open, gemini is not called at all
    AiOutput skipped = output(fixture.answer(Map.of("prompt", "3")));
    assertThat(skipped.provider()).isEqualTo(groq);
    assertThat(skipped.fallbackFrom()).isEmpty();
    assertThat(skipped.attempts()).isEqualTo(1);
    assertThat(geminiServer.count()).isEqualTo(2);
    assertThat(fixture.providerCalls(gemini, "failure")).isEqualTo(2);
    assertThat(fixture.providerCalls(gemini, "rejected")).isEqualTo(1);

    // after the open period one trial call goes through, succeeds, and closes the circuit
    clock.advance(Duration.ofSeconds(31));
    geminiServer.always(geminiAnswer("gemini is back", 1, 1));
    AiOutput recovered = output(fixture.answer(Map.of("prompt", "4")));
    assertThat(recovered.provider()).isEqualTo(gemini);
    assertThat(fixture.guards.breaker(gemini).getState()).isEqualTo(State.CLOSED);
    assertThat(geminiServer.count()).isEqualTo(3);
  }

  @Test
  void aFailedTrialReopensTheCircuit() {
    geminiServer.always(json(503, "{}"));
    groqServer.always(json(503, "{}"));
    fixture.answer(Map.of("prompt", "1"));
    fixture.answer(Map.of("prompt", "2"));
    assertThat(fixture.guards.breaker(gemini).getState()).isEqualTo(State.OPEN);

    clock.advance(Duration.ofSeconds(31));
    AiOutcome.Failed failed = failure(fixture.answer(Map.of("prompt", "3")));

    assertThat(failed.message()).contains(gemini + ": 503 server error");
    assertThat(fixture.guards.breaker(gemini).getState()).isEqualTo(State.OPEN);
    assertThat(failure(fixture.answer(Map.of("prompt", "4"))).message())
        .contains(gemini + ": circuit open");
    assertThat(geminiServer.count()).isEqualTo(3);
  }
}
