package io.agentic.airouter.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.agentic.airouter.provider.TokenUsage;
import io.agentic.airouter.router.AiOutput;
import io.agentic.airouter.router.ClientContent;
import java.util.List;

/**
 * OpenAI's chat completion shapes, as its SDKs read them, plus the router's own {@code agentic}
 * member. Fields OpenAI always sends are sent even when null ({@code logprobs}, {@code refusal}),
 * so strict clients find them.
 */
final class CompletionShapes {

  private CompletionShapes() {}

  /** {@code object: chat.completion}. */
  record ChatCompletion(
      String id,
      String object,
      long created,
      String model,
      List<Choice> choices,
      Usage usage,
      Agentic agentic) {}

  record Choice(
      int index,
      AssistantMessage message,
      Object logprobs,
      @JsonProperty("finish_reason") String finishReason) {}

  record AssistantMessage(String role, String content, String refusal) {}

  record Usage(
      @JsonProperty("prompt_tokens") long promptTokens,
      @JsonProperty("completion_tokens") long completionTokens,
      @JsonProperty("total_tokens") long totalTokens) {

    static Usage of(TokenUsage usage) {
      return new Usage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens());
    }
  }

  /**
   * What the router did.
   *
   * @param provider the provider that answered
   * @param fallbackFrom providers that were called and failed before it
   * @param cached answered from the cache (no provider call, no cost)
   * @param costUsd what the answering call cost
   */
  record Agentic(String provider, List<String> fallbackFrom, boolean cached, double costUsd) {

    static Agentic of(AiOutput output) {
      return new Agentic(
          output.provider(), output.fallbackFrom(), output.cached(), output.costUsd());
    }
  }

  /** {@code object: chat.completion.chunk}; {@code usage} and {@code agentic} only on the last. */
  record Chunk(
      String id,
      String object,
      long created,
      String model,
      List<ChunkChoice> choices,
      @JsonInclude(Include.NON_NULL) Usage usage,
      @JsonInclude(Include.NON_NULL) Agentic agentic) {}

  record ChunkChoice(
      int index,
      Delta delta,
      Object logprobs,
      @JsonProperty("finish_reason") String finishReason) {}

  /** The new piece: {@code role} on the first chunk only, nothing on the last. */
  @JsonInclude(Include.NON_NULL)
  record Delta(String role, String content) {}

  static String modelName(AiOutput output) {
    return output.provider() + "/" + output.model();
  }

  static ChatCompletion completion(String id, long created, AiOutput output) {
    return new ChatCompletion(
        id,
        "chat.completion",
        created,
        modelName(output),
        List.of(
            new Choice(
                0,
                new AssistantMessage("assistant", ClientContent.of(output), null),
                null,
                output.finishReason().openAi())),
        Usage.of(output.usage()),
        Agentic.of(output));
  }
}
