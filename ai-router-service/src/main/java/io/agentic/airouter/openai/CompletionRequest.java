package io.agentic.airouter.openai;

import io.agentic.airouter.provider.ChatMessage;
import java.util.List;

/**
 * A chat completion request, read from OpenAI's shape.
 *
 * @param model {@code auto}, {@code task:<taskType>} or {@code <provider>/<model>}
 * @param messages the conversation, text only, roles {@code system}, {@code user} and {@code
 *     assistant} ({@code developer} read as {@code system})
 * @param temperature null leaves the provider's default
 * @param maxTokens {@code max_completion_tokens}, else {@code max_tokens}; null for none
 * @param json {@code response_format: {type: json_object}}
 * @param includeUsage {@code stream_options.include_usage}: a usage chunk before {@code [DONE]}
 */
record CompletionRequest(
    String model,
    List<ChatMessage> messages,
    Double temperature,
    Integer maxTokens,
    boolean json,
    boolean stream,
    boolean includeUsage) {

  CompletionRequest {
    messages = List.copyOf(messages);
  }

  /** What a text classifier judges: the last user message, else the last message. */
  String classifiedText() {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (ChatMessage.USER.equals(messages.get(i).role())) {
        return messages.get(i).content();
      }
    }
    return messages.getLast().content();
  }
}
