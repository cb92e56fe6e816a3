package io.agentic.suite.ai;

import io.agentic.suite.ai.FakeServer.Reply;
import io.agentic.suite.ai.FakeServer.Request;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Local stand-ins for the AI providers and the outside web, speaking each provider's protocol:
 * OpenAI chat completions (groq, openrouter, huggingface chat), Gemini {@code generateContent},
 * HuggingFace text classification ({@code [[{label, score}]]}). A prompt containing {@code
 * FAIL-<PROVIDER>} (e.g. {@code FAIL-GEMINI}) makes that provider answer 500.
 */
final class FakeProviders {

  /** Tokens every fake answer reports. */
  static final int PROMPT_TOKENS = 120;

  static final int COMPLETION_TOKENS = 80;

  /**
   * What a fake answers when JSON is asked for: every field the templates pick out of an AI answer,
   * so each of them can run.
   */
  static final String JSON_ANSWER =
      "{\"summary\":\"A fine change\",\"approve\":true,"
          + "\"issues\":[{\"severity\":\"low\",\"file\":\"A.java\",\"line\":1,"
          + "\"comment\":\"ok\",\"suggestion\":\"none\"}],"
          + "\"needsHuman\":false,\"reason\":\"simple question\",\"topic\":\"other\","
          + "\"people\":[],\"dates\":[],\"figures\":[],\"openQuestions\":[],"
          + "\"subject\":\"Following up\",\"text\":\"Hello again\","
          + "\"label\":\"POSITIVE\",\"score\":0.8}";

  private FakeProviders() {}

  static FakeServer gemini() {
    return FakeServer.start(
        request -> {
          JsonNode body = Gateway.JSON.readTree(request.body());
          if (request.body().contains("FAIL-GEMINI")) {
            return Reply.json(500, "{\"error\":{\"code\":500,\"message\":\"fake outage\"}}");
          }
          boolean json =
              "application/json"
                  .equals(body.path("generationConfig").path("responseMimeType").asString(""));
          ObjectNode answer = Gateway.JSON.createObjectNode();
          ObjectNode candidate = answer.putArray("candidates").addObject();
          ObjectNode content = candidate.putObject("content");
          content.put("role", "model");
          content.putArray("parts").addObject().put("text", text("gemini", json));
          candidate.put("finishReason", "STOP");
          ObjectNode usage = answer.putObject("usageMetadata");
          usage.put("promptTokenCount", PROMPT_TOKENS);
          usage.put("candidatesTokenCount", COMPLETION_TOKENS);
          usage.put("totalTokenCount", PROMPT_TOKENS + COMPLETION_TOKENS);
          answer.put("modelVersion", modelOf(request.path()));
          return Reply.json(200, Gateway.JSON.writeValueAsString(answer));
        });
  }

  /** An OpenAI-compatible provider (groq, openrouter). */
  static FakeServer openAi(String name) {
    return FakeServer.start(request -> chat(name, request));
  }

  /** HuggingFace: chat on /v1/chat/completions, classification on /hf-inference/models/. */
  static FakeServer huggingFace() {
    return FakeServer.start(
        request -> {
          if (request.path().startsWith("/hf-inference/models/")) {
            if (request.body().contains("FAIL-HUGGINGFACE")) {
              return Reply.json(500, "{\"error\":\"fake outage\"}");
            }
            boolean negative = request.body().toLowerCase(Locale.ROOT).contains("terrible");
            String top = negative ? "negative" : "positive";
            String other = negative ? "positive" : "negative";
            return Reply.json(
                200,
                "[[{\"label\":\""
                    + top
                    + "\",\"score\":0.91},{\"label\":\"neutral\",\"score\":0.06},{\"label\":\""
                    + other
                    + "\",\"score\":0.03}]]");
          }
          return chat("huggingface", request);
        });
  }

  /** The outside web: {@code /redirect?to=<url>} answers 302 there, anything else echoes. */
  static FakeServer web() {
    return FakeServer.start(
        request -> {
          if (request.path().startsWith("/redirect")) {
            String to =
                URLDecoder.decode(
                    request.path().substring(request.path().indexOf("to=") + 3),
                    StandardCharsets.UTF_8);
            return new Reply(302, "text/plain", "", Map.of("Location", to));
          }
          ObjectNode answer = Gateway.JSON.createObjectNode();
          answer.put("method", request.method());
          answer.put("path", request.path());
          answer.put("received", request.body());
          answer.put("answer", "pong");
          return Reply.json(200, Gateway.JSON.writeValueAsString(answer));
        });
  }

  private static Reply chat(String name, Request request) {
    if (request.body().contains("FAIL-" + name.toUpperCase(Locale.ROOT))) {
      return Reply.json(500, "{\"error\":{\"message\":\"fake outage\",\"type\":\"server_error\"}}");
    }
    JsonNode body = Gateway.JSON.readTree(request.body());
    boolean json = "json_object".equals(body.path("response_format").path("type").asString(""));
    ObjectNode answer = Gateway.JSON.createObjectNode();
    answer.put("id", "chatcmpl-fake");
    answer.put("object", "chat.completion");
    answer.put("created", System.currentTimeMillis() / 1000);
    answer.put("model", body.path("model").asString(""));
    ObjectNode choice = answer.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", text(name, json));
    choice.put("finish_reason", "stop");
    ObjectNode usage = answer.putObject("usage");
    usage.put("prompt_tokens", PROMPT_TOKENS);
    usage.put("completion_tokens", COMPLETION_TOKENS);
    usage.put("total_tokens", PROMPT_TOKENS + COMPLETION_TOKENS);
    return Reply.json(200, Gateway.JSON.writeValueAsString(answer));
  }

  private static String text(String provider, boolean json) {
    return json ? JSON_ANSWER : "Fake answer from " + provider + ": all is well.";
  }

  private static String modelOf(String path) {
    int start = path.indexOf("/models/") + "/models/".length();
    int end = path.indexOf(':', start);
    return end < 0 ? path.substring(start) : path.substring(start, end);
  }
}
