package io.agentic.airouter.router;

import io.agentic.airouter.provider.ChatMessage;
import io.agentic.airouter.provider.ChatRequest;
import io.agentic.airouter.routing.TaskType;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages a chat model receives for a task: our instructions, then the node's own (or the
 * client's conversation, as it is).
 */
final class Prompts {

  private Prompts() {}

  static ChatRequest chat(AiTask task, String model) {
    return new ChatRequest(
        model, messages(task), task.temperature(), task.maxTokens(), wantsJson(task));
  }

  static List<ChatMessage> messages(AiTask task) {
    List<String> system = new ArrayList<>();
    if (task.taskType() == TaskType.SENTIMENT_ANALYSIS) {
      system.add(Sentiment.INSTRUCTION);
    }
    if (task.systemPrompt() != null) {
      system.add(task.systemPrompt());
    }
    if (task.json() && task.taskType() != TaskType.SENTIMENT_ANALYSIS) {
      system.add(JsonAnswers.INSTRUCTION);
    }
    List<ChatMessage> messages = new ArrayList<>();
    if (!system.isEmpty()) {
      messages.add(ChatMessage.system(String.join("\n\n", system)));
    }
    if (task.conversation() != null) {
      messages.addAll(task.conversation());
    } else {
      messages.add(ChatMessage.user(task.prompt()));
    }
    return messages;
  }

  static boolean wantsJson(AiTask task) {
    return task.json() || task.taskType() == TaskType.SENTIMENT_ANALYSIS;
  }
}
