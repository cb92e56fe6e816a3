package io.agentic.airouter.router;

import io.agentic.airouter.routing.TaskType;

/**
 * What an AI_PROCESSOR node asks for, read from its resolved {@code data}.
 *
 * @param temperature null leaves the provider's default (and makes the answer uncacheable)
 * @param provider with {@code model}: an override tried before the task's route; null for none
 * @param json whether the node asked for {@code responseFormat: "json"}
 */
public record AiTask(
    TaskType taskType,
    String prompt,
    String systemPrompt,
    Double temperature,
    Integer maxTokens,
    String provider,
    String model,
    boolean json) {

  /** Deterministic requests are answered from the cache when possible. */
  public boolean deterministic() {
    return temperature != null && temperature == 0.0;
  }

  public String responseFormat() {
    return json ? "json" : "text";
  }
}
