package io.agentic.airouter.router;

import io.agentic.airouter.provider.LabelScore;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One shape for sentiment, whichever provider answered: {@code {label: POSITIVE|NEGATIVE|NEUTRAL,
 * score}}. Classifier labels ({@code positive}, {@code LABEL_2}, ...) are normalised; chat models
 * are asked for that JSON and their answer is checked.
 */
final class Sentiment {

  static final String INSTRUCTION =
      "Classify the sentiment of the user's text as POSITIVE, NEGATIVE or NEUTRAL. Answer with"
          + " only a JSON object like {\"label\": \"POSITIVE\", \"score\": 0.93}, where score is"
          + " your confidence from 0 to 1.";

  static final String POSITIVE = "POSITIVE";
  static final String NEGATIVE = "NEGATIVE";
  static final String NEUTRAL = "NEUTRAL";

  private Sentiment() {}

  /** The top class of a text classifier, or empty when its labels mean nothing to us. */
  static Optional<ObjectNode> fromClassification(List<LabelScore> scores) {
    boolean binary = scores.size() == 2;
    return scores.stream()
        .max(Comparator.comparingDouble(LabelScore::score))
        .flatMap(top -> label(top.label(), binary).map(label -> node(label, top.score())));
  }

  /** A chat model's {@code {label, score}} answer, or empty when it is not one. */
  static Optional<ObjectNode> fromChat(String text) {
    return JsonAnswers.parse(text)
        .filter(JsonNode::isObject)
        .flatMap(
            json -> {
              JsonNode score = json.path("score");
              if (!json.path("label").isString() || !score.isNumber()) {
                return Optional.empty();
              }
              double value = score.asDouble();
              if (value < 0 || value > 1) {
                return Optional.empty();
              }
              return label(json.path("label").asString(), false).map(l -> node(l, value));
            });
  }

  /**
   * Our label for a model's. {@code LABEL_0..2} are the three-class convention of cardiffnlp's
   * models (negative, neutral, positive); with two classes {@code LABEL_1} is positive.
   */
  static Optional<String> label(String raw, boolean binary) {
    return Optional.ofNullable(
        switch (raw.strip().toUpperCase(Locale.ROOT)) {
          case "POSITIVE", "POS" -> POSITIVE;
          case "NEGATIVE", "NEG", "LABEL_0" -> NEGATIVE;
          case "NEUTRAL", "NEU" -> NEUTRAL;
          case "LABEL_1" -> binary ? POSITIVE : NEUTRAL;
          case "LABEL_2" -> POSITIVE;
          default -> null;
        });
  }

  private static ObjectNode node(String label, double score) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("label", label);
    node.put("score", score);
    return node;
  }
}
