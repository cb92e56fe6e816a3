package io.agentic.airouter.provider;

import static io.agentic.airouter.FakeProvider.events;
import static io.agentic.airouter.FakeProvider.geminiAnswer;
import static io.agentic.airouter.FakeProvider.hang;
import static io.agentic.airouter.FakeProvider.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.agentic.airouter.FakeProvider;
import io.agentic.airouter.provider.ProviderException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GeminiClientTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  final FakeProvider server = FakeProvider.start();
  final GeminiClient client = Clients.gemini(server.baseUrl(), "AIza-1");

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void postsGenerateContentWithGoogApiKeyAndReadsTextAndUsage() {
    server.then(geminiAnswer("Hello!", 8, 2));

    ChatAnswer answer = client.chat(Clients.hello("gemini-2.5-flash"));

    assertThat(answer.text()).isEqualTo("Hello!");
    assertThat(answer.usage()).isEqualTo(new TokenUsage(8, 2, 10));
    assertThat(answer.finishReason()).isEqualTo(FinishReason.STOP);
    FakeProvider.Request request = server.requests().getFirst();
    assertThat(request.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
    assertThat(request.header("x-goog-api-key")).isEqualTo("AIza-1");
    assertThat(request.header("Authorization")).isNull();
    assertThat(request.query()).isNull();
    JsonNode body = JSON.readTree(request.body());
    assertThat(body.path("systemInstruction").path("parts").path(0).path("text").asString())
        .isEqualTo("Be brief.");
    assertThat(body.path("contents").path(0).path("role").asString()).isEqualTo("user");
    assertThat(body.path("contents").path(0).path("parts").path(0).path("text").asString())
        .isEqualTo("Say hello");
    assertThat(body.path("contents")).hasSize(1);
    assertThat(body.path("generationConfig").path("temperature").asDouble()).isZero();
    assertThat(body.path("generationConfig").path("maxOutputTokens").asInt()).isEqualTo(50);
  }

  @Test
  void thinkingTokensAreBilledAsOutputAndThoughtsAreNotAnswers() {
    server.then(
        json(
            200,
            """
            {"candidates":[{"content":{"parts":[{"text":"pondering","thought":true},\
            {"text":"42"}],"role":"model"},"finishReason":"STOP"}],"usageMetadata":\
            {"promptTokenCount":4,"candidatesTokenCount":1,"thoughtsTokenCount":20,\
            "totalTokenCount":25}}"""));

    ChatAnswer answer = client.chat(Clients.hello("gemini-2.5-flash"));

    assertThat(answer.text()).isEqualTo("42");
    assertThat(answer.usage()).isEqualTo(new TokenUsage(4, 21, 25));
  }

  @Test
  void readsGeminisFinishReasonInOpenAisTerms() {
    server.then(
        geminiAnswer("Once upon a", 3, 3, "MAX_TOKENS"),
        geminiAnswer("Partly", 3, 3, "SAFETY"),
        geminiAnswer("Quoted", 3, 3, "RECITATION"),
        geminiAnswer("Odd", 3, 3, "OTHER"));

    assertThat(
            List.of(
                client.chat(Clients.hello("gemini-2.5-flash")).finishReason(),
                client.chat(Clients.hello("gemini-2.5-flash")).finishReason(),
                client.chat(Clients.hello("gemini-2.5-flash")).finishReason(),
                client.chat(Clients.hello("gemini-2.5-flash")).finishReason()))
        .containsExactly(
            FinishReason.LENGTH,
            FinishReason.CONTENT_FILTER,
            FinishReason.CONTENT_FILTER,
            FinishReason.STOP);
  }

  @Test
  void aStreamTakesItsFinishReasonFromTheLastCandidate() {
    server.then(
        events(
            "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Once upon\"}],\"role\":\"model\"}}]}",
            "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\" a\"}],\"role\":\"model\"},"
                + "\"finishReason\":\"MAX_TOKENS\"}]}"));

    ChatAnswer answer = client.streamChat(Clients.hello("gemini-2.5-flash"), d -> {});

    assertThat(answer.text()).isEqualTo("Once upon a");
    assertThat(answer.finishReason()).isEqualTo(FinishReason.LENGTH);
  }

  @Test
  void asksForJsonThroughTheResponseMimeType() {
    server.then(geminiAnswer("{}", 1, 1));

    client.chat(
        new ChatRequest("gemini-2.5-flash", List.of(ChatMessage.user("x")), null, null, true));

    JsonNode body = JSON.readTree(server.requests().getFirst().body());
    assertThat(body.path("generationConfig").path("responseMimeType").asString())
        .isEqualTo("application/json");
    assertThat(body.has("systemInstruction")).isFalse();
  }

  @Test
  void rateLimitReadsRetryAfterAsAnHttpDate() {
    server.then(json(429, "{}", Map.of("Retry-After", "Wed, 21 Oct 2099 07:28:00 GMT")));

    assertThatThrownBy(() -> client.chat(Clients.hello("gemini-2.5-flash")))
        .asInstanceOf(type(ProviderException.class))
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(Duration.ofDays(1));
            });
  }

  @Test
  void rateLimitWithoutHeaderReadsRetryDelayFromTheBody() {
    server.then(
        json(
            429,
            """
            {"error":{"code":429,"status":"RESOURCE_EXHAUSTED","details":[\
            {"@type":"type.googleapis.com/google.rpc.QuotaFailure"},\
            {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"3.5s"}]}}"""));

    assertThatThrownBy(() -> client.chat(Clients.hello("gemini-2.5-flash")))
        .asInstanceOf(type(ProviderException.class))
        .satisfies(e -> assertThat(e.retryAfter()).contains(Duration.ofMillis(3500)));
  }

  @Test
  void serverErrorTimeoutGarbageEmptyAndRefusedKeyAreClassified() {
    server.then(
        json(500, "{}"),
        FakeProvider.text(200, "text/plain", "not json"),
        json(200, "{\"candidates\":[],\"promptFeedback\":{\"blockReason\":\"SAFETY\"}}"),
        json(403, "{\"error\":{\"status\":\"PERMISSION_DENIED\"}}"),
        hang());

    assertThat(failure()).isEqualTo(Kind.SERVER_ERROR);
    assertThat(failure()).isEqualTo(Kind.BAD_RESPONSE);
    assertThat(failure()).isEqualTo(Kind.EMPTY_ANSWER);
    assertThat(failure()).isEqualTo(Kind.UNAUTHORIZED);
    assertThat(failure()).isEqualTo(Kind.TIMEOUT);
  }

  @Test
  void streamsFromStreamGenerateContentWithAltSse() {
    server.then(
        events(
            "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hel\"}],\"role\":\"model\"}}],"
                + "\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":1,\"totalTokenCount\":6}}",
            "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"lo\"}],\"role\":\"model\"},"
                + "\"finishReason\":\"STOP\"}],"
                + "\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":2,\"totalTokenCount\":7}}"));
    List<String> deltas = new ArrayList<>();

    ChatAnswer answer = client.streamChat(Clients.hello("gemini-2.5-flash"), deltas::add);

    assertThat(deltas).containsExactly("Hel", "lo");
    assertThat(answer.text()).isEqualTo("Hello");
    assertThat(answer.usage()).isEqualTo(new TokenUsage(5, 2, 7));
    assertThat(answer.finishReason()).isEqualTo(FinishReason.STOP);
    FakeProvider.Request request = server.requests().getFirst();
    assertThat(request.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent");
    assertThat(request.query()).isEqualTo("alt=sse");
    assertThat(request.header("x-goog-api-key")).isEqualTo("AIza-1");
  }

  @Test
  void aStreamWithoutFinishReasonWasCutOff() {
    server.then(
        events(
            "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hel\"}],\"role\":\"model\"}}]}"));

    assertThatThrownBy(() -> client.streamChat(Clients.hello("gemini-2.5-flash"), d -> {}))
        .asInstanceOf(type(ProviderException.class))
        .satisfies(e -> assertThat(e.getMessage()).isEqualTo("stream ended early"));
  }

  @Test
  void aModelNameCannotLeaveTheModelsPath() {
    assertThatThrownBy(() -> client.chat(Clients.hello("../../evil")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.chat(Clients.hello("http://evil.example/x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.count()).isZero();
  }

  private Kind failure() {
    try {
      client.chat(Clients.hello("gemini-2.5-flash"));
    } catch (ProviderException e) {
      return e.kind();
    }
    throw new AssertionError("expected a failure");
  }
}
