package io.agentic.airouter.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every provider's reason to stop, in OpenAI's words. */
class FinishReasonTest {

  @ParameterizedTest(name = "gemini {0} -> {1}")
  @CsvSource({
    "STOP, stop",
    "MAX_TOKENS, length",
    "SAFETY, content_filter",
    "RECITATION, content_filter",
    "BLOCKLIST, content_filter",
    "PROHIBITED_CONTENT, content_filter",
    "SPII, content_filter",
    "IMAGE_SAFETY, content_filter",
    "MALFORMED_FUNCTION_CALL, tool_calls",
    "UNEXPECTED_TOOL_CALL, tool_calls",
    "LANGUAGE, stop",
    "OTHER, stop",
    "FINISH_REASON_UNSPECIFIED, stop",
    "SOMETHING_NEW, stop",
    ", stop"
  })
  void geminiReasons(String gemini, String openAi) {
    assertThat(FinishReason.fromGemini(gemini).openAi()).isEqualTo(openAi);
  }

  @ParameterizedTest(name = "openai-compatible {0} -> {1}")
  @CsvSource({
    "stop, stop",
    "length, length",
    "content_filter, content_filter",
    "tool_calls, tool_calls",
    "function_call, tool_calls",
    "LENGTH, length",
    "max_tokens, length",
    "eos_token, stop",
    "stop_sequence, stop",
    "error, stop",
    ", stop"
  })
  void openAiCompatibleReasons(String reason, String openAi) {
    assertThat(FinishReason.fromOpenAi(reason).openAi()).isEqualTo(openAi);
  }
}
