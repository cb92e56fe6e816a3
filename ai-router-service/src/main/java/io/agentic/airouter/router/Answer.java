package io.agentic.airouter.router;

import io.agentic.airouter.provider.ChatAnswer;
import io.agentic.airouter.provider.FinishReason;
import io.agentic.airouter.provider.ProviderClient;
import io.agentic.airouter.provider.ProviderException;
import io.agentic.airouter.provider.ProviderException.Kind;
import io.agentic.airouter.provider.TokenUsage;
import io.agentic.airouter.routing.TaskType;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * What a provider answered, in the node's terms. An answer that does not fit what was asked (no
 * sentiment, no JSON) is a failure like any other: the router falls back, and the tokens it cost
 * are still counted.
 *
 * @param json the parsed JSON, or {@code {label, score}} for sentiment; null for plain text
 * @param finishReason why the model stopped; a classifier always just stops
 */
record Answer(String text, JsonNode json, TokenUsage usage, FinishReason finishReason) {

  /** A text classifier's verdict, as a sentiment. */
  static Answer classify(ProviderClient client, String model, String text) {
    JsonNode sentiment =
        Sentiment.fromClassification(client.classify(model, text))
            .orElseThrow(
                () ->
                    new ProviderException(Kind.BAD_RESPONSE, 200, "unrecognised sentiment label"));
    return new Answer(
        sentiment.path("label").asString(), sentiment, TokenUsage.NONE, FinishReason.STOP);
  }

  /** A chat model's answer to the task, checked against the format the task asked for. */
  static Answer chat(ProviderClient client, String model, AiTask task) {
    ChatAnswer answer = client.chat(Prompts.chat(task, model));
    if (task.taskType() == TaskType.SENTIMENT_ANALYSIS) {
      JsonNode sentiment =
          Sentiment.fromChat(answer.text()).orElseThrow(() -> invalidJson(answer.usage()));
      return new Answer(
          sentiment.path("label").asString(), sentiment, answer.usage(), answer.finishReason());
    }
    if (task.json()) {
      JsonNode json =
          JsonAnswers.parse(answer.text()).orElseThrow(() -> invalidJson(answer.usage()));
      return new Answer(answer.text(), json, answer.usage(), answer.finishReason());
    }
    return new Answer(answer.text(), null, answer.usage(), answer.finishReason());
  }

  /**
   * A chat model's answer, handed to {@code onDelta} piece by piece as the provider streams it.
   * Only for tasks whose answer needs no check ({@link AiTask#checked()}).
   */
  static Answer stream(ProviderClient client, String model, AiTask task, Consumer<String> onDelta) {
    ChatAnswer answer = client.streamChat(Prompts.chat(task, model), onDelta);
    return new Answer(answer.text(), null, answer.usage(), answer.finishReason());
  }

  private static ProviderException invalidJson(TokenUsage spent) {
    return ProviderException.unusable(Kind.INVALID_JSON, "invalid JSON", spent);
  }
}
