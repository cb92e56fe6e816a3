package io.agentic.airouter.router;

import static io.agentic.airouter.FakeProvider.geminiAnswer;
import static io.agentic.airouter.FakeProvider.json;
import static io.agentic.airouter.TestConfig.chat;
import static io.agentic.airouter.TestConfig.classifier;
import static io.agentic.airouter.router.RouterFixture.output;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.airouter.FakeProvider;
import io.agentic.airouter.TestConfig;
import io.agentic.airouter.routing.RouteTarget;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code sentiment_analysis}: the same {label, score} whichever provider answered. */
class SentimentRoutingTest {

  static final String CLASSIFIER = "cardiffnlp/twitter-roberta-base-sentiment-latest";

  final FakeProvider hfServer = FakeProvider.start();
  final FakeProvider geminiServer = FakeProvider.start();
  final String hf = TestConfig.unique("huggingface");
  final String gemini = TestConfig.unique("gemini");
  final RouterFixture fixture =
      new RouterFixture(
          TestConfig.create()
              .provider(hf, "huggingface", hfServer.baseUrl(), "hf", classifier(CLASSIFIER))
              .provider(
                  gemini, "gemini", geminiServer.baseUrl(), "g", chat("gemini-2.5-flash", 0, 0))
              .route(
                  "sentiment_analysis",
                  new RouteTarget(hf, CLASSIFIER),
                  new RouteTarget(gemini, "gemini-2.5-flash"))
              .maxAttempts(1)
              .build());

  @AfterEach
  void stop() {
    fixture.close();
    hfServer.close();
    geminiServer.close();
  }

  @Test
  void theClassifiersLabelIsNormalised() {
    hfServer.then(
        json(
            200,
            "[[{\"label\":\"neutral\",\"score\":0.2},{\"label\":\"positive\",\"score\":0.75}]]"));

    AiOutput out =
        output(fixture.answer(Map.of("taskType", "sentiment_analysis", "prompt", "I love it")));

    assertThat(out.provider()).isEqualTo(hf);
    assertThat(out.text()).isEqualTo("POSITIVE");
    assertThat(out.json().path("label").asString()).isEqualTo("POSITIVE");
    assertThat(out.json().path("score").asDouble()).isEqualTo(0.75);
    assertThat(out.costUsd()).isZero();
  }

  @Test
  void aChatModelIsAskedForTheSameJson() {
    hfServer.then(json(503, "{\"error\":\"loading\"}"));
    geminiServer.then(geminiAnswer("{\"label\": \"negative\", \"score\": 0.8}", 30, 10));

    AiOutput out =
        output(fixture.answer(Map.of("taskType", "sentiment_analysis", "prompt", "Awful.")));

    assertThat(out.provider()).isEqualTo(gemini);
    assertThat(out.fallbackFrom()).containsExactly(hf);
    assertThat(out.json().path("label").asString()).isEqualTo("NEGATIVE");
    assertThat(out.json().path("score").asDouble()).isEqualTo(0.8);
    String sent = geminiServer.requests().getFirst().body();
    assertThat(sent).contains("POSITIVE, NEGATIVE or NEUTRAL").contains("application/json");
  }

  @Test
  void aChatAnswerThatIsNotASentimentFailsOver() {
    hfServer.then(json(200, "[[{\"label\":\"LABEL_0\",\"score\":0.9}]]"));
    geminiServer.then(geminiAnswer("{\"mood\": \"happy\"}", 1, 1));

    AiOutput first =
        output(fixture.answer(Map.of("taskType", "sentiment_analysis", "prompt", "meh")));
    assertThat(first.json().path("label").asString()).isEqualTo("NEGATIVE");

    hfServer.then(json(200, "[[{\"label\":\"joy\",\"score\":0.9}]]"));
    AiOutcome failed = fixture.answer(Map.of("taskType", "sentiment_analysis", "prompt", "meh"));
    assertThat(RouterFixture.failure(failed).message())
        .contains(hf + ": unrecognised sentiment label")
        .contains(gemini + ": invalid JSON");
  }
}
