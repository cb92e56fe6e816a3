package io.agentic.airouter.router;

import static io.agentic.airouter.FakeProvider.geminiAnswer;
import static io.agentic.airouter.FakeProvider.json;
import static io.agentic.airouter.FakeProvider.openAiAnswer;
import static io.agentic.airouter.TestConfig.chat;
import static io.agentic.airouter.router.RouterFixture.failure;
import static io.agentic.airouter.router.RouterFixture.output;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.airouter.FakeProvider;
import io.agentic.airouter.TestConfig;
import io.agentic.airouter.routing.RouteTarget;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A node's provider/model override: only configured providers' priced models. */
class OverrideTest {

  final FakeProvider geminiServer = FakeProvider.start();
  final FakeProvider groqServer = FakeProvider.start();
  final String gemini = TestConfig.unique("gemini");
  final String groq = TestConfig.unique("groq");
  final String openai = TestConfig.unique("openai");
  final RouterFixture fixture =
      new RouterFixture(
          TestConfig.create()
              .provider(
                  gemini, "gemini", geminiServer.baseUrl(), "g", chat("gemini-2.5-flash", 0, 0))
              .provider(
                  groq,
                  "openai",
                  groqServer.baseUrl(),
                  "q",
                  chat("llama-3.1-8b-instant", 0, 0),
                  chat("llama-3.3-70b-versatile", 0.59, 0.79))
              .provider(
                  openai, "openai", "https://api.openai.com/v1", "", chat("gpt-4o-mini", 0, 0))
              .route("general", new RouteTarget(gemini, "gemini-2.5-flash"))
              .build());

  @AfterEach
  void stop() {
    fixture.close();
    geminiServer.close();
    groqServer.close();
  }

  @Test
  void aPricedModelOfAConfiguredProviderIsTriedFirstThenTheRoute() {
    groqServer.then(json(500, "{}"), json(500, "{}"), json(500, "{}"));
    geminiServer.then(geminiAnswer("gemini", 1, 1));

    AiOutput out =
        output(
            fixture.answer(
                Map.of("prompt", "hi", "provider", groq, "model", "llama-3.3-70b-versatile")));

    assertThat(groqServer.requests().getFirst().body())
        .contains("\"model\":\"llama-3.3-70b-versatile\"");
    assertThat(out.provider()).isEqualTo(gemini);
    assertThat(out.fallbackFrom()).containsExactly(groq);
  }

  @Test
  void aProviderAloneMeansItsDefaultModelAndAModelAloneFindsItsProvider() {
    groqServer.always(openAiAnswer("groq", 1, 1));

    AiOutput byProvider = output(fixture.answer(Map.of("prompt", "hi", "provider", groq)));
    AiOutput byModel =
        output(fixture.answer(Map.of("prompt", "hi", "model", "llama-3.3-70b-versatile")));

    assertThat(byProvider.model()).isEqualTo("llama-3.1-8b-instant");
    assertThat(byModel.provider()).isEqualTo(groq);
    assertThat(byModel.model()).isEqualTo("llama-3.3-70b-versatile");
  }

  @Test
  void unpricedModelsAndUnconfiguredProvidersAreNotAllowed() {
    AiOutcome.Failed unpriced =
        failure(fixture.answer(Map.of("prompt", "hi", "provider", groq, "model", "gpt-5-ultra")));
    AiOutcome.Failed unconfigured =
        failure(fixture.answer(Map.of("prompt", "hi", "provider", openai)));
    AiOutcome.Failed unknown =
        failure(fixture.answer(Map.of("prompt", "hi", "provider", "my-own-server")));
    AiOutcome.Failed unknownModel = failure(fixture.answer(Map.of("prompt", "hi", "model", "x")));

    assertThat(unpriced.code()).isEqualTo("MODEL_NOT_ALLOWED");
    assertThat(unpriced.retryable()).isFalse();
    assertThat(unconfigured.code()).isEqualTo("MODEL_NOT_ALLOWED");
    assertThat(unknown.code()).isEqualTo("MODEL_NOT_ALLOWED");
    assertThat(unknownModel.code()).isEqualTo("MODEL_NOT_ALLOWED");
    assertThat(geminiServer.count() + groqServer.count()).isZero();
  }
}
