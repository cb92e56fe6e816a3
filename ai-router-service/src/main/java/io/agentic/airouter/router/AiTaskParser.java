package io.agentic.airouter.router;

import io.agentic.airouter.routing.TaskType;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an AI_PROCESSOR node's resolved data. Only the documented fields are read: anything else a
 * workflow puts there (a {@code baseUrl}, {@code api_base} or headers) is ignored, so a node can
 * never choose where a provider key goes.
 */
public final class AiTaskParser {

  static final int MAX_PROMPT_CHARS = 512 * 1024;
  static final int MAX_TOKENS = 1_000_000;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private AiTaskParser() {}

  public static AiTask parse(Map<String, Object> input) {
    if (input == null) {
      throw new InvalidTaskException("the node has no data");
    }
    TaskType type = taskType(input.get("taskType"));
    String prompt = text(input.get("prompt"));
    if (prompt == null || prompt.isBlank()) {
      throw new InvalidTaskException("prompt is required");
    }
    String system = text(input.get("systemPrompt"));
    if (prompt.length() + (system == null ? 0 : system.length()) > MAX_PROMPT_CHARS) {
      throw new InvalidTaskException("prompt is longer than " + MAX_PROMPT_CHARS + " characters");
    }
    Double temperature = number(input.get("temperature"), "temperature");
    if (temperature != null && (temperature < 0 || temperature > 2)) {
      throw new InvalidTaskException("temperature must be between 0 and 2");
    }
    Double maxTokens = number(input.get("maxTokens"), "maxTokens");
    if (maxTokens != null
        && (maxTokens < 1 || maxTokens > MAX_TOKENS || maxTokens != Math.rint(maxTokens))) {
      throw new InvalidTaskException("maxTokens must be a whole number from 1 to " + MAX_TOKENS);
    }
    return new AiTask(
        type,
        prompt,
        system == null || system.isBlank() ? null : system,
        temperature,
        maxTokens == null ? null : maxTokens.intValue(),
        name(input.get("provider"), "provider"),
        name(input.get("model"), "model"),
        json(input.get("responseFormat")));
  }

  private static TaskType taskType(Object value) {
    if (value == null) {
      return TaskType.GENERAL;
    }
    return TaskType.fromWire(value.toString())
        .orElseThrow(
            () ->
                new InvalidTaskException(
                    "taskType must be one of "
                        + Arrays.stream(TaskType.values())
                            .map(TaskType::wireName)
                            .collect(Collectors.joining(", "))));
  }

  /** Text as is; any other value (a whole upstream output) as its JSON. */
  private static String text(Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    return JSON.writeValueAsString(value);
  }

  private static Double number(Object value, String field) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.valueOf(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new InvalidTaskException(field + " must be a number");
    }
  }

  private static String name(Object value, String field) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw new InvalidTaskException(field + " must be a string");
    }
    return s.trim();
  }

  private static boolean json(Object value) {
    if (value == null || "text".equals(value)) {
      return false;
    }
    if ("json".equals(value)) {
      return true;
    }
    throw new InvalidTaskException("responseFormat must be \"text\" or \"json\"");
  }
}
