package io.agentic.airouter.provider;

import java.util.Locale;

/**
 * Why a model stopped, in OpenAI's terms ({@code finish_reason}), whichever provider answered. A
 * reason a provider does not give, or gives in words of its own that mean an ordinary end, is
 * {@link #STOP}.
 */
public enum FinishReason {
  /** The model finished (or hit a stop sequence). */
  STOP("stop"),
  /** The answer was cut at the token limit. */
  LENGTH("length"),
  /** The provider withheld (part of) the answer: safety, recitation, blocked terms. */
  CONTENT_FILTER("content_filter"),
  /** The model ended its turn to call a tool. */
  TOOL_CALLS("tool_calls");

  private final String openAi;

  FinishReason(String openAi) {
    this.openAi = openAi;
  }

  /** The value of OpenAI's {@code finish_reason}. */
  public String openAi() {
    return openAi;
  }

  /**
   * An OpenAI-compatible provider's {@code finish_reason} (Groq, OpenRouter, OpenAI, HuggingFace's
   * router). Some servers behind those speak their own dialect: TGI's {@code eos_token} and {@code
   * stop_sequence} are stops, a {@code max_tokens} is a length.
   */
  public static FinishReason fromOpenAi(String reason) {
    if (reason == null) {
      return STOP;
    }
    return switch (reason.toLowerCase(Locale.ROOT)) {
      case "length", "max_tokens" -> LENGTH;
      case "content_filter" -> CONTENT_FILTER;
      case "tool_calls", "function_call" -> TOOL_CALLS;
      default -> STOP;
    };
  }

  /** Gemini's {@code candidates[].finishReason}. */
  public static FinishReason fromGemini(String reason) {
    if (reason == null) {
      return STOP;
    }
    return switch (reason) {
      case "MAX_TOKENS" -> LENGTH;
      case "SAFETY",
          "RECITATION",
          "BLOCKLIST",
          "PROHIBITED_CONTENT",
          "SPII",
          "IMAGE_SAFETY",
          "IMAGE_PROHIBITED_CONTENT",
          "IMAGE_RECITATION" ->
          CONTENT_FILTER;
      case "MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL", "TOO_MANY_TOOL_CALLS" -> TOOL_CALLS;
      // STOP, and LANGUAGE, OTHER, FINISH_REASON_UNSPECIFIED: nothing OpenAI has a word for
      default -> STOP;
    };
  }
}
