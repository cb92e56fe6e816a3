package io.agentic.airouter.router;

import io.agentic.airouter.provider.ChatMessage;
import io.agentic.airouter.routing.TaskType;
import java.util.List;

/**
 * One AI request, whoever asks: an AI_PROCESSOR node (its resolved {@code data}) or a client of the
 * OpenAI-compatible door ({@code POST /v1/chat/completions}).
 *
 * @param prompt the node's prompt; for a conversation, the text a classifier would judge (the last
 *     user message)
 * @param temperature null leaves the provider's default (and makes the answer uncacheable)
 * @param provider with {@code model}: an override tried before the task's route; null for none
 * @param json whether a JSON answer was asked for ({@code responseFormat: "json"}, {@code
 *     response_format: json_object})
 * @param conversation the client's own messages, sent as they are after the router's instructions;
 *     null for a node, whose messages are built from {@code systemPrompt} and {@code prompt}
 * @param exactModel only the override is tried, never the task's route: a client that named a model
 *     gets that model or an error
 */
public record AiTask(
    TaskType taskType,
    String prompt,
    String systemPrompt,
    Double temperature,
    Integer maxTokens,
    String provider,
    String model,
    boolean json,
    List<ChatMessage> conversation,
    boolean exactModel) {

  public AiTask {
    conversation = conversation == null ? null : List.copyOf(conversation);
  }

  /** A node's task: a prompt and an optional system prompt, the route after any override. */
  public AiTask(
      TaskType taskType,
      String prompt,
      String systemPrompt,
      Double temperature,
      Integer maxTokens,
      String provider,
      String model,
      boolean json) {
    this(
        taskType, prompt, systemPrompt, temperature, maxTokens, provider, model, json, null, false);
  }

  /** Deterministic requests are answered from the cache when possible. */
  public boolean deterministic() {
    return temperature != null && temperature == 0.0;
  }

  public String responseFormat() {
    return json ? "json" : "text";
  }

  /**
   * Whether the answer must be read before anyone sees it (JSON, a sentiment): a streamed answer
   * then arrives whole, once it proved usable, so a bad one can still fall back.
   */
  boolean checked() {
    return json || taskType == TaskType.SENTIMENT_ANALYSIS;
  }
}
