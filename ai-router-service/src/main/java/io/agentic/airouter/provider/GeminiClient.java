package io.agentic.airouter.provider;

import io.agentic.airouter.provider.ProviderException.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Gemini's native API: {@code POST {base}/v1beta/models/{model}:generateContent} (and {@code
 * :streamGenerateContent?alt=sse}) with the key in {@code x-goog-api-key}. System messages become
 * {@code systemInstruction}; usage comes from {@code usageMetadata}, where thinking tokens are
 * billed as output; the first candidate's {@code finishReason} becomes OpenAI's (see {@link
 * FinishReason#fromGemini}).
 */
public final class GeminiClient implements ProviderClient {

  private final String name;
  private final Endpoint endpoint;
  private final String apiKey;
  private final ProviderHttp http;

  GeminiClient(String name, Endpoint endpoint, String apiKey, ProviderHttp http) {
    this.name = name;
    this.endpoint = endpoint;
    this.apiKey = apiKey;
    this.http = http;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ChatAnswer chat(ChatRequest request) {
    JsonNode answer =
        http.postJson(
            endpoint.resolve(
                "/v1beta/models/" + Endpoint.modelPath(request.model()) + ":generateContent"),
            headers(),
            body(request));
    TokenUsage usage = usage(answer.path("usageMetadata"));
    if (!answer.isObject()) {
      throw ProviderException.unusable(Kind.BAD_RESPONSE, "unreadable answer", usage);
    }
    String text = text(answer);
    if (text.isBlank()) {
      throw ProviderException.unusable(Kind.EMPTY_ANSWER, "empty answer", usage);
    }
    return new ChatAnswer(text, usage, finishReason(answer));
  }

  @Override
  public ChatAnswer streamChat(ChatRequest request, Consumer<String> onDelta) {
    StringBuilder text = new StringBuilder();
    AtomicReference<TokenUsage> usage = new AtomicReference<>(TokenUsage.NONE);
    AtomicReference<FinishReason> finished = new AtomicReference<>();
    http.postForEvents(
        endpoint.resolve(
            "/v1beta/models/" + Endpoint.modelPath(request.model()) + ":streamGenerateContent",
            "alt=sse"),
        headers(),
        body(request),
        in -> {
          SseEvents.forEachData(
              in,
              data -> {
                JsonNode chunk = readChunk(data);
                if (chunk.path("usageMetadata").isObject()) {
                  usage.set(usage(chunk.path("usageMetadata")));
                }
                String delta = text(chunk);
                if (!delta.isEmpty()) {
                  text.append(delta);
                  onDelta.accept(delta);
                }
                if (chunk.path("candidates").path(0).path("finishReason").isString()) {
                  finished.set(finishReason(chunk));
                }
                return true;
              });
          return null;
        });
    // Gemini's stream has no terminator: a stream without a finish reason was cut off.
    if (finished.get() == null) {
      throw ProviderException.unusable(Kind.BAD_RESPONSE, "stream ended early", usage.get());
    }
    if (text.isEmpty()) {
      throw ProviderException.unusable(Kind.EMPTY_ANSWER, "empty answer", usage.get());
    }
    return new ChatAnswer(text.toString(), usage.get(), finished.get());
  }

  private Map<String, String> headers() {
    return Map.of("x-goog-api-key", apiKey);
  }

  private static Map<String, Object> body(ChatRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    List<Map<String, Object>> contents = new ArrayList<>();
    List<String> system = new ArrayList<>();
    for (ChatMessage message : request.messages()) {
      if (ChatMessage.SYSTEM.equals(message.role())) {
        system.add(message.content());
      } else {
        String role = ChatMessage.ASSISTANT.equals(message.role()) ? "model" : "user";
        contents.add(Map.of("role", role, "parts", List.of(Map.of("text", message.content()))));
      }
    }
    body.put("contents", contents);
    if (!system.isEmpty()) {
      body.put(
          "systemInstruction",
          Map.of("parts", List.of(Map.of("text", String.join("\n\n", system)))));
    }
    Map<String, Object> generation = new LinkedHashMap<>();
    if (request.temperature() != null) {
      generation.put("temperature", request.temperature());
    }
    if (request.maxTokens() != null) {
      generation.put("maxOutputTokens", request.maxTokens());
    }
    if (request.jsonOutput()) {
      generation.put("responseMimeType", "application/json");
    }
    if (!generation.isEmpty()) {
      body.put("generationConfig", generation);
    }
    return body;
  }

  /** The first candidate's text parts, thoughts left out. */
  private static String text(JsonNode response) {
    JsonNode parts = response.path("candidates").path(0).path("content").path("parts");
    List<String> texts = new ArrayList<>();
    for (JsonNode part : parts) {
      if (part.path("text").isString() && !part.path("thought").asBoolean(false)) {
        texts.add(part.path("text").asString());
      }
    }
    return texts.stream().collect(Collectors.joining());
  }

  private static FinishReason finishReason(JsonNode response) {
    return FinishReason.fromGemini(
        response.path("candidates").path(0).path("finishReason").asString(null));
  }

  private static TokenUsage usage(JsonNode metadata) {
    long prompt = metadata.path("promptTokenCount").asLong(0);
    long completion =
        metadata.path("candidatesTokenCount").asLong(0)
            + metadata.path("thoughtsTokenCount").asLong(0);
    return TokenUsage.of(prompt, completion, metadata.path("totalTokenCount").asLong(0));
  }

  private static JsonNode readChunk(String data) {
    try {
      return ProviderHttp.JSON.readTree(data);
    } catch (JacksonException e) {
      throw new ProviderException(Kind.BAD_RESPONSE, 200, "unreadable answer");
    }
  }
}
