package io.agentic.airouter.openai;

import static io.agentic.airouter.FakeProvider.events;
import static io.agentic.airouter.FakeProvider.geminiAnswer;
import static io.agentic.airouter.FakeProvider.json;
import static io.agentic.airouter.FakeProvider.openAiAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.airouter.ServiceIT;
import io.agentic.airouter.TestTokens;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code /v1} door over plain HTTP: its wire format, bad input, and who may call it. */
class ChatCompletionsApiIT extends ServiceIT {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired StringRedisTemplate redis;

  final String userId = "user-" + UUID.randomUUID();
  final String user = TestTokens.token(userId, "user");

  record Response(int status, HttpHeaders headers, String body) {

    JsonNode json() {
      return JSON.readTree(body);
    }

    String contentType() {
      return headers.getContentType() == null ? "" : headers.getContentType().toString();
    }
  }

  static String request(String model, String extra) {
    return """
        {"model":"%s","messages":[{"role":"user","content":"hi %s"}]%s}"""
        .formatted(model, UUID.randomUUID(), extra);
  }

  @Test
  void answersInOpenAisShapeWithTheRoutersOwnMember() {
    GROQ.always(openAiAnswer("Hi there", 3, 2));

    Response response =
        post(
            user,
            """
            {"model":"groq/llama-3.1-8b-instant","messages":[
              {"role":"developer","content":"Be kind."},
              {"role":"user","content":[{"type":"text","text":"Hello, "},{"type":"text","text":"you"}]},
              {"role":"assistant","content":"Hello!"},
              {"role":"user","content":"How are you?"}],
             "max_tokens":50,"user":"ignored","top_p":0.9,"n":1}""");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    JsonNode body = response.json();
    assertThat(body.path("object").asString()).isEqualTo("chat.completion");
    assertThat(body.path("id").asString()).matches("chatcmpl-[0-9a-f]{32}");
    assertThat(body.path("created").isIntegralNumber()).isTrue();
    assertThat(body.path("model").asString()).isEqualTo("groq/llama-3.1-8b-instant");
    JsonNode choice = body.path("choices").path(0);
    assertThat(choice.path("index").asInt()).isZero();
    assertThat(choice.path("message").path("role").asString()).isEqualTo("assistant");
    assertThat(choice.path("message").path("content").asString()).isEqualTo("Hi there");
    assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
    assertThat(choice.has("logprobs")).isTrue();
    assertThat(body.path("usage").path("prompt_tokens").asLong()).isEqualTo(3);
    assertThat(body.path("usage").path("completion_tokens").asLong()).isEqualTo(2);
    assertThat(body.path("usage").path("total_tokens").asLong()).isEqualTo(5);
    assertThat(body.path("agentic").path("provider").asString()).isEqualTo("groq");
    assertThat(body.path("agentic").path("fallbackFrom").isArray()).isTrue();
    assertThat(body.path("agentic").path("cached").asBoolean()).isFalse();
    assertThat(body.path("agentic").path("costUsd").isNumber()).isTrue();
    JsonNode sent = JSON.readTree(GROQ.requests().getLast().body());
    assertThat(sent.path("messages"))
        .extracting(m -> m.path("role").asString() + ":" + m.path("content").asString())
        .containsExactly(
            "system:Be kind.", "user:Hello, you", "assistant:Hello!", "user:How are you?");
    assertThat(sent.path("max_tokens").asInt()).isEqualTo(50);
    assertThat(sent.has("user")).isFalse();
  }

  @Test
  void streamsServerSentChunksEndingWithUsageAndDone() {
    GROQ.always(
        events(
            OpenAiSdkIT.openAiChunk("Str"),
            OpenAiSdkIT.openAiChunk("eam"),
            "{\"choices\":[],\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":2,"
                + "\"total_tokens\":6}}",
            "[DONE]"));

    Response response =
        post(
            user,
            request(
                "groq/llama-3.1-8b-instant",
                ",\"stream\":true,\"stream_options\":{\"include_usage\":true}"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("text/event-stream");
    List<String> data = data(response.body());
    assertThat(data.getLast()).isEqualTo("[DONE]");
    List<JsonNode> chunks = data.subList(0, data.size() - 1).stream().map(JSON::readTree).toList();
    assertThat(chunks)
        .allSatisfy(
            c -> {
              assertThat(c.path("object").asString()).isEqualTo("chat.completion.chunk");
              assertThat(c.path("model").asString()).isEqualTo("groq/llama-3.1-8b-instant");
              assertThat(c.path("id").asString())
                  .isEqualTo(chunks.getFirst().path("id").asString());
            });
    assertThat(chunks.getFirst().path("choices").path(0).path("delta").path("role").asString())
        .isEqualTo("assistant");
    assertThat(chunks)
        .extracting(c -> c.path("choices").path(0).path("delta").path("content").asString(null))
        .containsSubsequence("Str", "eam");
    JsonNode last = chunks.get(chunks.size() - 2);
    assertThat(last.path("choices").path(0).path("finish_reason").asString()).isEqualTo("stop");
    assertThat(last.path("agentic").path("provider").asString()).isEqualTo("groq");
    JsonNode usage = chunks.getLast();
    assertThat(usage.path("choices").isEmpty()).isTrue();
    assertThat(usage.path("usage").path("total_tokens").asLong()).isEqualTo(6);
  }

  @Test
  void aStreamWithoutUsageEndsWithItsFinishReason() {
    GROQ.always(events(OpenAiSdkIT.openAiChunk("Short"), "[DONE]"));

    Response response = post(user, request("groq/llama-3.1-8b-instant", ",\"stream\":true"));

    List<String> data = data(response.body());
    assertThat(data.getLast()).isEqualTo("[DONE]");
    JsonNode last = JSON.readTree(data.get(data.size() - 2));
    assertThat(last.path("choices").path(0).path("finish_reason").asString()).isEqualTo("stop");
    assertThat(last.has("usage")).isFalse();
  }

  @Test
  void finishReasonIsTheProvidersInOpenAisTerms() {
    GEMINI.always(geminiAnswer("Cut sh", 3, 2, "MAX_TOKENS"));
    GROQ.always(
        events(
            OpenAiSdkIT.openAiChunk("Part"),
            "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"content_filter\"}]}",
            "[DONE]"));

    Response whole = post(user, request("auto", ""));
    Response streamed = post(user, request("groq/llama-3.1-8b-instant", ",\"stream\":true"));

    assertThat(whole.json().path("choices").path(0).path("finish_reason").asString())
        .isEqualTo("length");
    List<String> data = data(streamed.body());
    JsonNode last = JSON.readTree(data.get(data.size() - 2));
    assertThat(last.path("choices").path(0).path("finish_reason").asString())
        .isEqualTo("content_filter");
  }

  @Test
  void theProviderCallContinuesTheCallersTrace() {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String marker = "traced-" + UUID.randomUUID();
    GEMINI.always(geminiAnswer("Traced", 1, 1));
    GROQ.always(events(OpenAiSdkIT.openAiChunk("Traced"), "[DONE]"));

    Response whole =
        call(
            HttpMethod.POST,
            "/v1/chat/completions",
            user,
            request("auto", "").replace("hi ", marker + " "),
            "application/json",
            "00-" + traceId + "-00f067aa0ba902b7-01");
    Response streamed =
        call(
            HttpMethod.POST,
            "/v1/chat/completions",
            user,
            request("groq/llama-3.1-8b-instant", ",\"stream\":true").replace("hi ", marker + " "),
            "application/json",
            "00-" + traceId + "-00f067aa0ba902b7-01");

    assertThat(whole.status()).isEqualTo(200);
    assertThat(streamed.status()).isEqualTo(200);
    // the provider's request is a child span of the caller's: same trace, another span
    assertThat(GEMINI.requests())
        .filteredOn(r -> r.body().contains(marker))
        .singleElement()
        .satisfies(r -> assertThat(r.header("traceparent")).startsWith("00-" + traceId + "-"));
    assertThat(GROQ.requests())
        .filteredOn(r -> r.body().contains(marker))
        .singleElement()
        .satisfies(r -> assertThat(r.header("traceparent")).startsWith("00-" + traceId + "-"));
  }

  @Test
  void refusesMoreThanOneChoice() {
    Response response = post(user, request("auto", ",\"n\":2"));

    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(response.json().path("errors"))
        .extracting(e -> e.path("field").asString())
        .containsExactly("n");
    JsonNode error = response.json().path("error");
    assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
    assertThat(error.path("param").asString()).isEqualTo("n");
    assertThat(error.path("code").asString()).isEqualTo("VALIDATION_FAILED");
    assertThat(error.path("message").asString()).contains("n must be 1");
  }

  @Test
  void refusesAConversationWithoutMessages() {
    Response empty = post(user, "{\"model\":\"auto\",\"messages\":[]}");
    Response missing = post(user, "{\"model\":\"auto\"}");

    assertProblem(empty, 400, "VALIDATION_FAILED");
    assertThat(empty.json().path("errors").path(0).path("field").asString()).isEqualTo("messages");
    assertProblem(missing, 400, "VALIDATION_FAILED");
  }

  @Test
  void listsEveryFieldOfTheWrongType() {
    Response response =
        post(
            user,
            """
            {"model":7,"temperature":"hot","max_tokens":1.5,"max_completion_tokens":0,
             "stream":"yes","stream_options":{"include_usage":1},"n":"one",
             "response_format":{"type":"json_schema"},
             "messages":["hi",{"role":"tool","content":"x"},{"role":"user"},
               {"role":"user","content":5},
               {"role":"user","content":[{"type":"image_url","image_url":{"url":"http://x"}}]}]}""");

    assertProblem(response, 400, "VALIDATION_FAILED");
    assertThat(response.json().path("errors"))
        .extracting(e -> e.path("field").asString())
        .containsExactlyInAnyOrder(
            "model",
            "temperature",
            "max_tokens",
            "max_completion_tokens",
            "stream",
            "stream_options.include_usage",
            "n",
            "response_format",
            "messages[0]",
            "messages[1].role",
            "messages[2].content",
            "messages[3].content",
            "messages[4].content[0]");
  }

  @Test
  void refusesWhatIsNotAJsonObject() {
    assertProblem(post(user, "{not json"), 400, "MALFORMED_JSON");
    assertProblem(post(user, "[1,2]"), 400, "MALFORMED_JSON");
    assertProblem(post(user, ""), 400, "MALFORMED_JSON");
    Response text = call(HttpMethod.POST, "/v1/chat/completions", user, "hi", "text/plain");
    assertProblem(text, 415, "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void anUnknownModelIsAProblemEvenWhenStreaming() {
    Response response = post(user, request("task:poetry", ",\"stream\":true"));

    assertProblem(response, 404, "MODEL_NOT_FOUND");
    assertThat(response.json().path("error").path("type").asString())
        .isEqualTo("invalid_request_error");
  }

  @Test
  void providersThatAllFailAreABadGateway() {
    GEMINI.always(json(500, "{}"));
    GROQ.always(json(500, "{}"));

    Response response = post(user, request("auto", ""));
    Response streamed = post(user, request("auto", ",\"stream\":true"));

    assertProblem(response, 502, "AI_PROVIDERS_FAILED");
    assertThat(response.json().path("detail").asString())
        .contains("gemini: 500 server error")
        .contains("groq: 500 server error");
    assertThat(response.json().path("error").path("type").asString()).isEqualTo("server_error");
    assertProblem(streamed, 502, "AI_PROVIDERS_FAILED");
  }

  @Test
  void aUserWhoseBudgetIsSpentMustWaitForTomorrow() {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    redis.opsForValue().set("ai-router:budget:" + userId + ":" + today, "1000000");
    GEMINI.always(geminiAnswer("Too expensive", 1, 1));

    Response response = post(user, request("auto", ""));

    assertProblem(response, 429, "BUDGET_EXCEEDED");
    long retryAfter = Long.parseLong(response.headers().getFirst(HttpHeaders.RETRY_AFTER));
    assertThat(retryAfter).isBetween(1L, 86_400L);
    assertThat(response.json().path("error").path("code").asString()).isEqualTo("BUDGET_EXCEEDED");
  }

  @Test
  void needsAValidTokenAndAnApiKeyNeedsTheAiScope() {
    String readOnlyKey = TestTokens.keyToken(userId, "user", "workflows:read");
    String aiKey = TestTokens.keyToken(userId, "user", "ai:use");
    GEMINI.always(geminiAnswer("Keyed", 1, 1));

    assertProblem(post(null, request("auto", "")), 401, "UNAUTHORIZED");
    assertProblem(call(HttpMethod.GET, "/v1/models", null, null, null), 401, "UNAUTHORIZED");
    assertProblem(post(readOnlyKey, request("auto", "")), 403, "INSUFFICIENT_SCOPE");
    assertProblem(
        call(HttpMethod.GET, "/v1/models", readOnlyKey, null, null), 403, "INSUFFICIENT_SCOPE");
    assertThat(post(aiKey, request("auto", "")).status()).isEqualTo(200);
    assertThat(call(HttpMethod.GET, "/v1/models", aiKey, null, null).status()).isEqualTo(200);
  }

  @Test
  void viewersMayListModelsButNotSpendOnThem() {
    String viewer = TestTokens.token("viewer-" + UUID.randomUUID(), "viewer");

    assertProblem(post(viewer, request("auto", "")), 403, "FORBIDDEN");
    assertThat(call(HttpMethod.GET, "/v1/models", viewer, null, null).status()).isEqualTo(200);
  }

  @Test
  void listsModelsInOpenAisShape() {
    JsonNode body = call(HttpMethod.GET, "/v1/models", user, null, null).json();

    assertThat(body.path("object").asString()).isEqualTo("list");
    JsonNode first = body.path("data").path(0);
    assertThat(first.path("id").asString()).isEqualTo("auto");
    assertThat(first.path("object").asString()).isEqualTo("model");
    assertThat(first.path("owned_by").asString()).isEqualTo("agentic");
    assertThat(first.path("created").isIntegralNumber()).isTrue();
  }

  private static void assertProblem(Response response, int status, String code) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("code").asString()).isEqualTo(code);
    assertThat(response.json().path("status").asInt()).isEqualTo(status);
  }

  /** Each event's data, in order. */
  private static List<String> data(String eventStream) {
    return eventStream
        .lines()
        .filter(l -> l.startsWith("data:"))
        .map(l -> l.substring(5).strip())
        .toList();
  }

  private Response post(String token, String body) {
    return call(HttpMethod.POST, "/v1/chat/completions", token, body, "application/json");
  }

  private Response call(
      HttpMethod method, String path, String token, String body, String contentType) {
    return call(method, path, token, body, contentType, null);
  }

  private Response call(
      HttpMethod method,
      String path,
      String token,
      String body,
      String contentType,
      String traceParent) {
    RestClient.RequestBodySpec request =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .defaultStatusHandler(status -> true, (req, res) -> {})
            .build()
            .method(method)
            .uri(path);
    if (contentType != null) {
      request.header(HttpHeaders.CONTENT_TYPE, contentType);
    }
    if (token != null) {
      request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    if (traceParent != null) {
      request.header("traceparent", traceParent);
    }
    if (body != null) {
      request.body(body);
    }
    return request.exchange(
        (req, res) ->
            new Response(
                res.getStatusCode().value(),
                res.getHeaders(),
                new String(res.getBody().readAllBytes())));
  }
}
