package io.agentic.airouter.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentic.airouter.routing.TaskType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AiTaskParserTest {

  @Test
  void readsEveryDocumentedField() {
    AiTask task =
        AiTaskParser.parse(
            Map.of(
                "taskType", "code_generation",
                "prompt", "write a loop",
                "systemPrompt", "you are terse",
                "temperature", 0.2,
                "maxTokens", 256,
                "provider", "groq",
                "model", "llama-3.1-8b-instant",
                "responseFormat", "json"));

    assertThat(task)
        .isEqualTo(
            new AiTask(
                TaskType.CODE_GENERATION,
                "write a loop",
                "you are terse",
                0.2,
                256,
                "groq",
                "llama-3.1-8b-instant",
                true));
  }

  @Test
  void defaultsToGeneralTextWithTheProvidersOwnParameters() {
    AiTask task = AiTaskParser.parse(Map.of("prompt", "hi"));

    assertThat(task.taskType()).isEqualTo(TaskType.GENERAL);
    assertThat(task.temperature()).isNull();
    assertThat(task.maxTokens()).isNull();
    assertThat(task.json()).isFalse();
    assertThat(task.deterministic()).isFalse();
  }

  @Test
  void acceptsTemplatedNumbersAndStructuredPrompts() {
    AiTask task =
        AiTaskParser.parse(
            Map.of(
                "prompt", Map.of("items", List.of(1, 2)), "temperature", "0", "maxTokens", "10"));

    assertThat(task.prompt()).isEqualTo("{\"items\":[1,2]}");
    assertThat(task.deterministic()).isTrue();
    assertThat(task.maxTokens()).isEqualTo(10);
  }

  @Test
  void rejectsWhatCannotBeARequest() {
    assertInvalid(null, "no data");
    assertInvalid(Map.of(), "prompt is required");
    assertInvalid(Map.of("prompt", "  "), "prompt is required");
    assertInvalid(Map.of("prompt", "x", "taskType", "poetry"), "taskType must be one of");
    assertInvalid(Map.of("prompt", "x", "temperature", 3), "temperature");
    assertInvalid(Map.of("prompt", "x", "temperature", "hot"), "temperature must be a number");
    assertInvalid(Map.of("prompt", "x", "maxTokens", 0), "maxTokens");
    assertInvalid(Map.of("prompt", "x", "maxTokens", 1.5), "maxTokens");
    assertInvalid(Map.of("prompt", "x", "responseFormat", "xml"), "responseFormat");
    assertInvalid(Map.of("prompt", "x", "provider", 5), "provider must be a string");
    assertInvalid(Map.of("prompt", "x".repeat(AiTaskParser.MAX_PROMPT_CHARS + 1)), "longer");
  }

  @Test
  void ignoresFieldsThatCouldRedirectAKey() {
    Map<String, Object> input = new HashMap<>();
    input.put("prompt", "hi");
    input.put("baseUrl", "http://evil.example");
    input.put("api_base", "http://evil.example");

    assertThat(AiTaskParser.parse(input)).isEqualTo(AiTaskParser.parse(Map.of("prompt", "hi")));
  }

  private static void assertInvalid(Map<String, Object> input, String message) {
    assertThatThrownBy(() -> AiTaskParser.parse(input))
        .isInstanceOf(InvalidTaskException.class)
        .hasMessageContaining(message);
  }
}
