package io.agentic.airouter.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.airouter.provider.LabelScore;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentTest {

  @Test
  void normalisesTheLabelsClassifiersUse() {
    assertThat(Sentiment.label("positive", false)).contains("POSITIVE");
    assertThat(Sentiment.label("Negative", false)).contains("NEGATIVE");
    assertThat(Sentiment.label(" neutral ", false)).contains("NEUTRAL");
    assertThat(Sentiment.label("LABEL_0", false)).contains("NEGATIVE");
    assertThat(Sentiment.label("LABEL_1", false)).contains("NEUTRAL");
    assertThat(Sentiment.label("LABEL_2", false)).contains("POSITIVE");
    assertThat(Sentiment.label("LABEL_1", true)).contains("POSITIVE");
    assertThat(Sentiment.label("joy", false)).isEmpty();
  }

  @Test
  void takesTheClassifiersTopClass() {
    var result =
        Sentiment.fromClassification(
            List.of(
                new LabelScore("LABEL_0", 0.1),
                new LabelScore("LABEL_1", 0.3),
                new LabelScore("LABEL_2", 0.6)));

    assertThat(result)
        .hasValueSatisfying(
            n -> assertThat(n.toString()).isEqualTo("{\"label\":\"POSITIVE\",\"score\":0.6}"));
  }

  @Test
  void readsAChatModelsJsonAndRejectsAnythingElse() {
    assertThat(Sentiment.fromChat("```json\n{\"label\":\"Neutral\",\"score\":0.5}\n```"))
        .hasValueSatisfying(n -> assertThat(n.path("label").asString()).isEqualTo("NEUTRAL"));
    assertThat(Sentiment.fromChat("POSITIVE")).isEmpty();
    assertThat(Sentiment.fromChat("{\"label\":\"POSITIVE\"}")).isEmpty();
    assertThat(Sentiment.fromChat("{\"label\":\"POSITIVE\",\"score\":7}")).isEmpty();
    assertThat(Sentiment.fromChat("{\"label\":\"ecstatic\",\"score\":0.9}")).isEmpty();
  }
}
