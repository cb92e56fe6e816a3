package io.agentic.airouter.provider;

import io.agentic.airouter.provider.ProviderException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * HuggingFace's router: OpenAI-compatible chat at {@code {base}/v1/chat/completions}, and text
 * classification on {@code hf-inference} at {@code {base}/hf-inference/models/{model}}, which
 * answers {@code [[{label, score}, ...]]}.
 */
public final class HuggingFaceClient implements ProviderClient {

  private final String name;
  private final Endpoint endpoint;
  private final String apiKey;
  private final ProviderHttp http;
  private final OpenAiCompatibleClient chat;

  HuggingFaceClient(String name, Endpoint endpoint, String apiKey, ProviderHttp http) {
    this.name = name;
    this.endpoint = endpoint;
    this.apiKey = apiKey;
    this.http = http;
    // the router forwards to many backends; not all accept response_format, so ask in the prompt
    this.chat = new OpenAiCompatibleClient(name, endpoint.child("/v1"), apiKey, http, false);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ChatAnswer chat(ChatRequest request) {
    return chat.chat(request);
  }

  @Override
  public ChatAnswer streamChat(ChatRequest request, Consumer<String> onDelta) {
    return chat.streamChat(request, onDelta);
  }

  @Override
  public List<LabelScore> classify(String model, String text) {
    JsonNode answer =
        http.postJson(
            endpoint.resolve("/hf-inference/models/" + Endpoint.modelPath(model)),
            Map.of("Authorization", "Bearer " + apiKey),
            Map.of("inputs", text));
    // one input gives [[...]]; some deployments answer the inner list alone
    JsonNode classes = answer.path(0).isArray() ? answer.path(0) : answer;
    if (!classes.isArray()) {
      throw new ProviderException(Kind.BAD_RESPONSE, 200, "unreadable answer");
    }
    List<LabelScore> scores = new ArrayList<>();
    for (JsonNode entry : classes) {
      if (!entry.path("label").isString() || !entry.path("score").isNumber()) {
        throw new ProviderException(Kind.BAD_RESPONSE, 200, "unreadable answer");
      }
      scores.add(new LabelScore(entry.path("label").asString(), entry.path("score").asDouble()));
    }
    if (scores.isEmpty()) {
      throw new ProviderException(Kind.EMPTY_ANSWER, 200, "empty answer");
    }
    return scores;
  }
}
