package io.agentic.airouter.openai;

import io.agentic.airouter.provider.ChatMessage;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.problem.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a chat completion request as OpenAI's API defines it. Only the fields the router can honour
 * are read; unknown fields are ignored (a client may send {@code user}, {@code seed}, {@code
 * top_p}…). Every problem is reported at once, each naming its field as OpenAI's {@code param} does
 * ({@code messages[1].content}).
 */
final class CompletionRequestParser {

  static final int MAX_TOKENS = 1_000_000;
  static final int MAX_MESSAGES = 10_000;
  static final String INVALID = "VALIDATION_FAILED";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CompletionRequestParser() {}

  /**
   * @throws ApiException 400 {@code MALFORMED_JSON} for a body that is not a JSON object, 400
   *     {@code VALIDATION_FAILED} listing every field problem
   */
  static CompletionRequest parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw ApiException.badRequest("MALFORMED_JSON", "The request body is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw ApiException.badRequest("MALFORMED_JSON", "The request body must be a JSON object");
    }
    List<FieldProblem> problems = new ArrayList<>();
    String model = model(root.get("model"), problems);
    List<ChatMessage> messages = messages(root.get("messages"), problems);
    Double temperature = temperature(root.get("temperature"), problems);
    Integer maxTokens = tokens(root.get("max_tokens"), "max_tokens", problems);
    Integer maxCompletionTokens =
        tokens(root.get("max_completion_tokens"), "max_completion_tokens", problems);
    boolean json = json(root.get("response_format"), problems);
    boolean stream = flag(root.get("stream"), "stream", problems);
    boolean includeUsage = includeUsage(root.get("stream_options"), problems);
    choices(root.get("n"), problems);
    if (!problems.isEmpty()) {
      throw ApiException.invalid(INVALID, detail(problems), problems);
    }
    return new CompletionRequest(
        model,
        messages,
        temperature,
        maxCompletionTokens != null ? maxCompletionTokens : maxTokens,
        json,
        stream,
        includeUsage);
  }

  private static String model(JsonNode node, List<FieldProblem> problems) {
    if (absent(node)) {
      problems.add(new FieldProblem("model", "is required"));
      return null;
    }
    if (!node.isString() || node.asString().isBlank()) {
      problems.add(new FieldProblem("model", "must be a non-empty string"));
      return null;
    }
    return node.asString().trim();
  }

  private static List<ChatMessage> messages(JsonNode node, List<FieldProblem> problems) {
    List<ChatMessage> messages = new ArrayList<>();
    if (absent(node)) {
      problems.add(new FieldProblem("messages", "is required"));
    } else if (!node.isArray()) {
      problems.add(new FieldProblem("messages", "must be an array of messages"));
    } else if (node.isEmpty()) {
      problems.add(new FieldProblem("messages", "must hold at least one message"));
    } else if (node.size() > MAX_MESSAGES) {
      problems.add(new FieldProblem("messages", "must hold at most " + MAX_MESSAGES + " messages"));
    } else {
      for (int i = 0; i < node.size(); i++) {
        message(node.get(i), "messages[" + i + "]", problems).ifPresent(messages::add);
      }
    }
    return messages;
  }

  private static Optional<ChatMessage> message(
      JsonNode node, String field, List<FieldProblem> problems) {
    if (!node.isObject()) {
      problems.add(new FieldProblem(field, "must be an object with a role and a content"));
      return Optional.empty();
    }
    String role = role(node.get("role"), field + ".role", problems);
    String content = content(node.get("content"), field + ".content", problems);
    return role == null || content == null
        ? Optional.empty()
        : Optional.of(new ChatMessage(role, content));
  }

  private static String role(JsonNode node, String field, List<FieldProblem> problems) {
    String role = node != null && node.isString() ? node.asString() : null;
    if (role == null) {
      problems.add(new FieldProblem(field, "is required: system, user or assistant"));
      return null;
    }
    return switch (role) {
      case ChatMessage.SYSTEM, "developer" -> ChatMessage.SYSTEM;
      case ChatMessage.USER -> ChatMessage.USER;
      case ChatMessage.ASSISTANT -> ChatMessage.ASSISTANT;
      default -> {
        problems.add(new FieldProblem(field, "must be system, user or assistant"));
        yield null;
      }
    };
  }

  /** A string, or an array of text parts joined in order. */
  private static String content(JsonNode node, String field, List<FieldProblem> problems) {
    if (absent(node)) {
      problems.add(new FieldProblem(field, "is required"));
      return null;
    }
    if (node.isString()) {
      return node.asString();
    }
    if (!node.isArray()) {
      problems.add(new FieldProblem(field, "must be a string or an array of text parts"));
      return null;
    }
    StringBuilder text = new StringBuilder();
    boolean valid = true;
    for (int j = 0; j < node.size(); j++) {
      JsonNode part = node.get(j);
      if (!part.isObject()
          || !"text".equals(part.path("type").asString(null))
          || !part.path("text").isString()) {
        problems.add(
            new FieldProblem(
                field + "[" + j + "]",
                "must be a text part {type: text, text}; only text is supported"));
        valid = false;
      } else {
        text.append(part.path("text").asString());
      }
    }
    return valid ? text.toString() : null;
  }

  private static Double temperature(JsonNode node, List<FieldProblem> problems) {
    if (absent(node)) {
      return null;
    }
    if (!node.isNumber() || node.doubleValue() < 0 || node.doubleValue() > 2) {
      problems.add(new FieldProblem("temperature", "must be a number from 0 to 2"));
      return null;
    }
    return node.doubleValue();
  }

  private static Integer tokens(JsonNode node, String field, List<FieldProblem> problems) {
    if (absent(node)) {
      return null;
    }
    if (!node.isNumber()
        || node.doubleValue() != Math.rint(node.doubleValue())
        || node.doubleValue() < 1
        || node.doubleValue() > MAX_TOKENS) {
      problems.add(new FieldProblem(field, "must be a whole number from 1 to " + MAX_TOKENS));
      return null;
    }
    return node.intValue();
  }

  private static boolean json(JsonNode node, List<FieldProblem> problems) {
    if (absent(node)) {
      return false;
    }
    String type = node.isObject() ? node.path("type").asString(null) : null;
    if ("json_object".equals(type)) {
      return true;
    }
    if (!"text".equals(type)) {
      problems.add(
          new FieldProblem("response_format", "must be {type: text} or {type: json_object}"));
    }
    return false;
  }

  private static boolean flag(JsonNode node, String field, List<FieldProblem> problems) {
    if (absent(node)) {
      return false;
    }
    if (!node.isBoolean()) {
      problems.add(new FieldProblem(field, "must be true or false"));
      return false;
    }
    return node.booleanValue();
  }

  private static boolean includeUsage(JsonNode node, List<FieldProblem> problems) {
    if (absent(node)) {
      return false;
    }
    if (!node.isObject()) {
      problems.add(new FieldProblem("stream_options", "must be an object"));
      return false;
    }
    return flag(node.get("include_usage"), "stream_options.include_usage", problems);
  }

  private static void choices(JsonNode node, List<FieldProblem> problems) {
    if (!absent(node) && !(node.isNumber() && node.doubleValue() == 1)) {
      problems.add(new FieldProblem("n", "must be 1: one choice per request"));
    }
  }

  /** JSON {@code null} means "not given", as OpenAI reads it. */
  private static boolean absent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  private static String detail(List<FieldProblem> problems) {
    return "The request is invalid: "
        + problems.stream()
            .map(p -> p.field() + " " + p.message())
            .collect(Collectors.joining("; "));
  }
}
