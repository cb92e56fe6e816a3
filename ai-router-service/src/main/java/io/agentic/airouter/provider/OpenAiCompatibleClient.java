package io.agentic.airouter.provider;

import io.agentic.airouter.provider.ProviderException.Kind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAI chat-completions protocol, spoken by Groq, OpenRouter, OpenAI, HuggingFace's router
 * and many self-hosted servers: {@code POST {base}/chat/completions} with {@code Authorization:
 * Bearer <key>}. Streaming uses server-sent events ending in {@code data: [DONE]}, with the usage
 * on the last chunk when {@code stream_options.include_usage} is set, and the {@code finish_reason}
 * on the last chunk with content.
 */
public final class OpenAiCompatibleClient implements ProviderClient {

  private final String name;
  private final Endpoint endpoint;
  private final String apiKey;
  private final ProviderHttp http;
  private final boolean supportsJsonMode;

  OpenAiCompatibleClient(
      String name, Endpoint endpoint, String apiKey, ProviderHttp http, boolean supportsJsonMode) {
    this.name = name;
    this.endpoint = endpoint;
    this.apiKey = apiKey;
    this.http = http;
    this.supportsJsonMode = supportsJsonMode;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ChatAnswer chat(ChatRequest request) {
    JsonNode answer =
        http.postJson(endpoint.resolve("/chat/completions"), headers(), body(request, false));
    TokenUsage usage = usage(answer.path("usage"));
    JsonNode choices = answer.path("choices");
    if (!choices.isArray()) {
      throw ProviderException.unusable(Kind.BAD_RESPONSE, "unreadable answer", usage);
    }
    JsonNode content = choices.path(0).path("message").path("content");
    String text = content.isString() ? content.asString() : "";
    if (text.isBlank()) {
      throw ProviderException.unusable(Kind.EMPTY_ANSWER, "empty answer", usage);
    }
    return new ChatAnswer(
        text, usage, FinishReason.fromOpenAi(choices.path(0).path("finish_reason").asString(null)));
  }

  @Override
  public ChatAnswer streamChat(ChatRequest request, Consumer<String> onDelta) {
    StringBuilder text = new StringBuilder();
    AtomicReference<TokenUsage> usage = new AtomicReference<>(TokenUsage.NONE);
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<FinishReason> finished = new AtomicReference<>(FinishReason.STOP);
    http.postForEvents(
        endpoint.resolve("/chat/completions"),
        headers(),
        body(request, true),
        in -> {
          SseEvents.forEachData(
              in,
              data -> {
                if (data.equals("[DONE]")) {
                  done.set(true);
                  return false;
                }
                JsonNode chunk = readChunk(data);
                if (chunk.has("error")) {
                  throw new ProviderException(Kind.SERVER_ERROR, 200, "error in stream");
                }
                if (chunk.path("usage").isObject()) {
                  usage.set(usage(chunk.path("usage")));
                }
                JsonNode reason = chunk.path("choices").path(0).path("finish_reason");
                if (reason.isString()) {
                  finished.set(FinishReason.fromOpenAi(reason.asString()));
                }
                JsonNode delta = chunk.path("choices").path(0).path("delta").path("content");
                if (delta.isString() && !delta.asString().isEmpty()) {
                  text.append(delta.asString());
                  onDelta.accept(delta.asString());
                }
                return true;
              });
          return null;
        });
    if (!done.get()) {
      throw ProviderException.unusable(Kind.BAD_RESPONSE, "stream ended early", usage.get());
    }
    if (text.isEmpty()) {
      throw ProviderException.unusable(Kind.EMPTY_ANSWER, "empty answer", usage.get());
    }
    return new ChatAnswer(text.toString(), usage.get(), finished.get());
  }

  private Map<String, String> headers() {
    return Map.of("Authorization", "Bearer " + apiKey);
  }

  private Map<String, Object> body(ChatRequest request, boolean stream) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", request.model());
    body.put(
        "messages",
        request.messages().stream()
            .map(m -> Map.of("role", m.role(), "content", m.content()))
            .toList());
    if (request.temperature() != null) {
      body.put("temperature", request.temperature());
    }
    if (request.maxTokens() != null) {
      body.put("max_tokens", request.maxTokens());
    }
    if (request.jsonOutput() && supportsJsonMode) {
      body.put("response_format", Map.of("type", "json_object"));
    }
    if (stream) {
      body.put("stream", true);
      body.put("stream_options", Map.of("include_usage", true));
    }
    return body;
  }

  private static JsonNode readChunk(String data) {
    try {
      return ProviderHttp.JSON.readTree(data);
    } catch (JacksonException e) {
      throw new ProviderException(Kind.BAD_RESPONSE, 200, "unreadable answer");
    }
  }

  static TokenUsage usage(JsonNode usage) {
    return TokenUsage.of(
        usage.path("prompt_tokens").asLong(0),
        usage.path("completion_tokens").asLong(0),
        usage.path("total_tokens").asLong(0));
  }
}
