package io.agentic.airouter.provider;

import static io.agentic.airouter.FakeProvider.events;
import static io.agentic.airouter.FakeProvider.hang;
import static io.agentic.airouter.FakeProvider.json;
import static io.agentic.airouter.FakeProvider.openAiAnswer;
import static io.agentic.airouter.FakeProvider.text;
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

class OpenAiCompatibleClientTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  final FakeProvider server = FakeProvider.start();
  final OpenAiCompatibleClient client = Clients.openAi(server.baseUrl() + "/openai/v1", "gsk-1");

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void postsChatCompletionsWithBearerKeyAndReadsTextAndUsage() {
    server.then(openAiAnswer("Hello!", 12, 3));

    ChatAnswer answer = client.chat(Clients.hello("llama-3.1-8b-instant"));

    assertThat(answer.text()).isEqualTo("Hello!");
    assertThat(answer.usage()).isEqualTo(new TokenUsage(12, 3, 15));
    assertThat(answer.finishReason()).isEqualTo(FinishReason.STOP);
    FakeProvider.Request request = server.requests().getFirst();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/openai/v1/chat/completions");
    assertThat(request.header("Authorization")).isEqualTo("Bearer gsk-1");
    assertThat(request.header("Content-Type")).startsWith("application/json");
    JsonNode body = JSON.readTree(request.body());
    assertThat(body.path("model").asString()).isEqualTo("llama-3.1-8b-instant");
    assertThat(body.path("messages").path(0).path("role").asString()).isEqualTo("system");
    assertThat(body.path("messages").path(1).path("content").asString()).isEqualTo("Say hello");
    assertThat(body.path("temperature").asDouble()).isZero();
    assertThat(body.path("max_tokens").asInt()).isEqualTo(50);
    assertThat(body.has("response_format")).isFalse();
  }

  @Test
  void readsTheProvidersFinishReason() {
    server.then(
        openAiAnswer("Once upon a", 3, 3, "length"),
        openAiAnswer("[withheld]", 3, 3, "content_filter"),
        openAiAnswer("calling", 3, 3, "tool_calls"),
        openAiAnswer("TGI's own word", 3, 3, "eos_token"),
        json(200, "{\"choices\":[{\"message\":{\"content\":\"no reason given\"}}],\"usage\":{}}"));

    assertThat(finishReasons(5))
        .containsExactly(
            FinishReason.LENGTH,
            FinishReason.CONTENT_FILTER,
            FinishReason.TOOL_CALLS,
            FinishReason.STOP,
            FinishReason.STOP);
  }

  @Test
  void aStreamTakesTheFinishReasonOfItsLastChoice() {
    server.then(
        events(
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Once upon\"},\"finish_reason\":null}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\" a\"},\"finish_reason\":\"length\"}]}",
            "{\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}",
            "[DONE]"));

    ChatAnswer answer = client.streamChat(Clients.hello("m"), d -> {});

    assertThat(answer.text()).isEqualTo("Once upon a");
    assertThat(answer.finishReason()).isEqualTo(FinishReason.LENGTH);
  }

  @Test
  void asksForJsonObjectsWhenJsonIsWanted() {
    server.then(openAiAnswer("{\"a\":1}", 1, 1));

    client.chat(new ChatRequest("m", List.of(ChatMessage.user("give json")), null, null, true));

    JsonNode body = JSON.readTree(server.requests().getFirst().body());
    assertThat(body.path("response_format").path("type").asString()).isEqualTo("json_object");
    assertThat(body.has("temperature")).isFalse();
  }

  @Test
  void rateLimitCarriesRetryAfterSeconds() {
    server.then(json(429, "{\"error\":{\"message\":\"slow down\"}}", Map.of("Retry-After", "7")));

    assertThatThrownBy(() -> client.chat(Clients.hello("m")))
        .asInstanceOf(type(ProviderException.class))
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage()).isEqualTo("429 rate limited");
            });
  }

  @Test
  void serverErrorIsRetryable() {
    server.then(json(503, "{\"error\":\"overloaded\"}"));

    assertThatThrownBy(() -> client.chat(Clients.hello("m")))
        .asInstanceOf(type(ProviderException.class))
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.retryable()).isTrue();
              assertThat(e.getMessage()).doesNotContain("overloaded");
            });
  }

  @Test
  void aProviderThatNeverAnswersTimesOut() {
    server.then(hang());

    assertThatThrownBy(() -> client.chat(Clients.hello("m")))
        .asInstanceOf(type(ProviderException.class))
        .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
  }

  @Test
  void garbageIsAnUnreadableAnswer() {
    server.then(text(200, "text/html", "<html>Bad gateway</html>"));

    assertThatThrownBy(() -> client.chat(Clients.hello("m")))
        .asInstanceOf(type(ProviderException.class))
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE);
              assertThat(e.retryable()).isFalse();
              assertThat(e.countsAgainstProvider()).isTrue();
            });
  }

  @Test
  void jsonOfTheWrongShapeIsAnUnreadableAnswer() {
    server.then(json(200, "{\"result\":\"hello\"}"));

    assertThatThrownBy(() -> client.chat(Clients.hello("m")))
        .asInstanceOf(type(ProviderException.class))
        .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE));
  }

  @Test
  void anAnswerWithoutTextIsEmptyButItsTokensCount() {
    server.then(openAiAnswer("  ", 9, 0));

    assertThatThrownBy(() -> client.chat(Clients.hello("m")))
        .asInstanceOf(type(ProviderException.class))
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.EMPTY_ANSWER);
              assertThat(e.spent().totalTokens()).isEqualTo(9);
            });
  }

  @Test
  void aRefusedKeyIsUnauthorizedAndNotRetryable() {
    server.then(json(401, "{\"error\":{\"message\":\"Invalid API key gsk-1\"}}"));

    assertThatThrownBy(() -> client.chat(Clients.hello("m")))
        .asInstanceOf(type(ProviderException.class))
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).doesNotContain("gsk-1");
            });
  }

  @Test
  void anOversizedAnswerIsUnreadable() {
    server.then(openAiAnswer("x".repeat(100_000), 1, 1));

    assertThatThrownBy(() -> client.chat(Clients.hello("m")))
        .asInstanceOf(type(ProviderException.class))
        .satisfies(e -> assertThat(e.getMessage()).isEqualTo("answer too large"));
  }

  @Test
  void streamsDeltasAndReadsUsageFromTheLastChunk() {
    server.then(
        events(
            "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}],\"usage\":null}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}],\"usage\":null}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}],\"usage\":null}",
            "{\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}",
            "[DONE]"));
    List<String> deltas = new ArrayList<>();

    ChatAnswer answer = client.streamChat(Clients.hello("m"), deltas::add);

    assertThat(deltas).containsExactly("Hel", "lo");
    assertThat(answer.text()).isEqualTo("Hello");
    assertThat(answer.usage()).isEqualTo(new TokenUsage(5, 2, 7));
    assertThat(answer.finishReason()).isEqualTo(FinishReason.STOP);
    JsonNode body = JSON.readTree(server.requests().getFirst().body());
    assertThat(body.path("stream").asBoolean()).isTrue();
    assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
    assertThat(server.requests().getFirst().header("Accept")).contains("text/event-stream");
  }

  @Test
  void aStreamCutBeforeDoneIsUnreadable() {
    server.then(events("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}"));

    assertThatThrownBy(() -> client.streamChat(Clients.hello("m"), d -> {}))
        .asInstanceOf(type(ProviderException.class))
        .satisfies(e -> assertThat(e.getMessage()).isEqualTo("stream ended early"));
  }

  private List<FinishReason> finishReasons(int calls) {
    List<FinishReason> reasons = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      reasons.add(client.chat(Clients.hello("m")).finishReason());
    }
    return reasons;
  }
}
