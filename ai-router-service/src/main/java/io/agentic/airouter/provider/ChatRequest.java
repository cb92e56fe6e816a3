package io.agentic.airouter.provider;

import java.util.List;

/**
 * A chat completion request, independent of any provider's wire format.
 *
 * @param temperature null leaves the provider's default
 * @param maxTokens null leaves the provider's default
 * @param jsonOutput ask the provider for a JSON answer where its protocol supports it
 */
public record ChatRequest(
    String model,
    List<ChatMessage> messages,
    Double temperature,
    Integer maxTokens,
    boolean jsonOutput) {

  public ChatRequest {
    messages = List.copyOf(messages);
  }
}
