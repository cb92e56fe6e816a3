package io.agentic.airouter.router;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON a chat model was asked for. Models often wrap it in a Markdown fence or a
 * sentence; the object or array inside is taken. The value is data only, never evaluated.
 */
final class JsonAnswers {

  static final String INSTRUCTION =
      "Answer with a single valid JSON object or array only, without any other text.";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonAnswers() {}

  /** The JSON object or array in {@code text}, if there is one. */
  static Optional<JsonNode> parse(String text) {
    String trimmed = text.strip();
    Optional<JsonNode> whole = read(trimmed);
    if (whole.isPresent()) {
      return whole;
    }
    int start = firstOf(trimmed, '{', '[');
    int end = Math.max(trimmed.lastIndexOf('}'), trimmed.lastIndexOf(']'));
    return start >= 0 && end > start ? read(trimmed.substring(start, end + 1)) : Optional.empty();
  }

  static String write(JsonNode node) {
    return JSON.writeValueAsString(node);
  }

  private static Optional<JsonNode> read(String candidate) {
    try {
      JsonNode node = JSON.readTree(candidate);
      return node != null && (node.isObject() || node.isArray())
          ? Optional.of(node)
          : Optional.empty();
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  private static int firstOf(String text, char a, char b) {
    int i = text.indexOf(a);
    int j = text.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}
