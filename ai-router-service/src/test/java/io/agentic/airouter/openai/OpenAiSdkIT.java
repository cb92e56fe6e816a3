package io.agentic.airouter.openai;

import static io.agentic.airouter.FakeProvider.events;
import static io.agentic.airouter.FakeProvider.geminiAnswer;
import static io.agentic.airouter.FakeProvider.json;
import static io.agentic.airouter.FakeProvider.openAiAnswer;
import static io.agentic.airouter.FakeProvider.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.models.Model;
import io.agentic.airouter.FakeProvider;
import io.agentic.airouter.KafkaProbe;
import io.agentic.airouter.ServiceIT;
import io.agentic.airouter.TestTokens;
import io.agentic.contracts.Topics;
import io.agentic.contracts.ai.AiCallRecorded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The {@code /v1} door as OpenAI's own Java SDK sees it: the SDK is the client, a minted access
 * token is its "API key", and the providers behind the router are loopback fakes speaking OpenAI's
 * and Gemini's protocols.
 */
class OpenAiSdkIT extends ServiceIT {

  static final Duration WAIT = Duration.ofSeconds(30);

  @LocalServerPort int port;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrap;

  final String userId = "user-" + UUID.randomUUID();
  final String marker = "marker-" + UUID.randomUUID();
  OpenAIClient client;

  @BeforeEach
  void client() {
    client = client(TestTokens.token(userId, "user"));
  }

  OpenAIClient client(String apiKey) {
    return OpenAIOkHttpClient.builder()
        .baseUrl("http://localhost:" + port + "/v1")
        .apiKey(apiKey)
        // the router retries and falls back itself; the SDK's own retries would hide its answer
        .maxRetries(0)
        .timeout(Duration.ofSeconds(30))
        .build();
  }

  ChatCompletionCreateParams.Builder ask(String model) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage("Say hi " + marker);
  }

  @Test
  void answersThroughAutoWithTheRouteOfGeneral() {
    GEMINI.always(geminiAnswer("Hello from Gemini", 7, 5));

    ChatCompletion completion =
        client
            .chat()
            .completions()
            .create(ask("auto").addSystemMessage("Be brief.").temperature(0.5).build());

    assertThat(completion.id()).startsWith("chatcmpl-");
    assertThat(completion.model()).isEqualTo("gemini/gemini-2.5-flash");
    assertThat(completion.created()).isPositive();
    assertThat(completion.choices()).hasSize(1);
    assertThat(completion.choices().getFirst().message().content()).hasValue("Hello from Gemini");
    assertThat(completion.choices().getFirst().finishReason())
        .isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    CompletionUsage usage = completion.usage().orElseThrow();
    assertThat(usage.promptTokens()).isEqualTo(7);
    assertThat(usage.completionTokens()).isEqualTo(5);
    assertThat(usage.totalTokens()).isEqualTo(12);
    Map<String, Object> agentic = agentic(completion);
    assertThat(agentic)
        .containsEntry("provider", "gemini")
        .containsEntry("fallbackFrom", List.of())
        .containsEntry("cached", false)
        .containsEntry("costUsd", 0.0000146);
    FakeProvider.Request sent = requestWithMarker(GEMINI);
    assertThat(sent.path()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
    assertThat(sent.body()).contains("\"systemInstruction\"").contains("Be brief.");
    assertThat(sent.body()).contains("\"temperature\":0.5");
  }

  @Test
  void recordsUsageUnderTheUserWithoutAnExecution() {
    GEMINI.always(geminiAnswer("Counted", 3, 2));

    client.chat().completions().create(ask("auto").build());

    AiCallRecorded call =
        kafka()
            .await(Topics.AI_USAGE, AiCallRecorded.class, c -> userId.equals(c.userId()), 1, WAIT)
            .getFirst();
    assertThat(call.executionId()).isNull();
    assertThat(call.stepId()).isNull();
    assertThat(call.provider()).isEqualTo("gemini");
    assertThat(call.taskType()).isEqualTo("general");
    assertThat(call.totalTokens()).isEqualTo(5);
    assertThat(call.outcome()).isEqualTo("success");
    assertThat(kafka().awaitRaw(Topics.AI_USAGE, userId, WAIT)).isNotEmpty();
  }

  @Test
  void aTaskRouteFallsBackWhenItsPrimaryFails() {
    GROQ.always(json(500, "{}"));
    GEMINI.always(geminiAnswer("Yes", 4, 1));

    ChatCompletion completion =
        client.chat().completions().create(ask("task:quick_decision").build());

    assertThat(completion.model()).isEqualTo("gemini/gemini-2.5-flash");
    assertThat(completion.choices().getFirst().message().content()).hasValue("Yes");
    assertThat(agentic(completion)).containsEntry("fallbackFrom", List.of("groq"));
    assertThat(GROQ.requests()).filteredOn(r -> r.body().contains(marker)).hasSize(2);
  }

  @Test
  void aNamedModelIsAskedAndNoOtherEvenWhenItFails() {
    GROQ.always(openAiAnswer("From Llama", 6, 2));

    ChatCompletion completion =
        client.chat().completions().create(ask("groq/llama-3.1-8b-instant").build());

    assertThat(completion.model()).isEqualTo("groq/llama-3.1-8b-instant");
    assertThat(completion.choices().getFirst().message().content()).hasValue("From Llama");
    assertThat(requestWithMarker(GROQ).body()).contains("\"model\":\"llama-3.1-8b-instant\"");

    GROQ.always(json(503, "{}"));
    String second = "second-" + UUID.randomUUID();
    assertThatThrownBy(
            () ->
                client
                    .chat()
                    .completions()
                    .create(
                        ChatCompletionCreateParams.builder()
                            .model("groq/llama-3.1-8b-instant")
                            .addUserMessage(second)
                            .build()))
        .isInstanceOfSatisfying(
            InternalServerException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(502);
              assertThat(e.code()).hasValue("AI_PROVIDERS_FAILED");
              assertThat(e.getMessage()).contains("groq: 503 server error");
            });
    assertThat(GEMINI.requests()).noneMatch(r -> r.body().contains(second));
  }

  @Test
  void asksForAndReturnsJsonWhenTheClientWantsAnObject() {
    GEMINI.always(geminiAnswer("Sure:\n```json\n{\"answer\": 42}\n```", 5, 5));

    ChatCompletion completion =
        client
            .chat()
            .completions()
            .create(ask("auto").responseFormat(ResponseFormatJsonObject.builder().build()).build());

    assertThat(completion.choices().getFirst().message().content()).hasValue("{\"answer\":42}");
    assertThat(requestWithMarker(GEMINI).body())
        .contains("\"responseMimeType\":\"application/json\"");
  }

  @Test
  void streamsDeltasThatTheSdkAssemblesWithUsage() {
    GEMINI.always(
        events(
            geminiChunk("Once ", null),
            geminiChunk("upon ", null),
            geminiChunk("a time ✓ é", "STOP")
                .replace(
                    "}]}",
                    "}],\"usageMetadata\":{\"promptTokenCount\":9,\"candidatesTokenCount\":4,"
                        + "\"totalTokenCount\":13}}")));
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
    List<String> pieces = new ArrayList<>();

    try (StreamResponse<ChatCompletionChunk> stream =
        client
            .chat()
            .completions()
            .createStreaming(
                ask("auto")
                    .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                    .build())) {
      stream.stream()
          .forEach(
              chunk -> {
                accumulator.accumulate(chunk);
                chunk.choices().forEach(c -> c.delta().content().ifPresent(pieces::add));
              });
    }

    ChatCompletion completion = accumulator.chatCompletion();
    assertThat(completion.choices().getFirst().message().content())
        .hasValue("Once upon a time ✓ é");
    assertThat(completion.model()).isEqualTo("gemini/gemini-2.5-flash");
    assertThat(pieces).containsSubsequence("Once ", "upon ", "a time ✓ é");
    assertThat(completion.choices().getFirst().finishReason())
        .isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    CompletionUsage usage = completion.usage().orElseThrow();
    assertThat(usage.promptTokens()).isEqualTo(9);
    assertThat(usage.completionTokens()).isEqualTo(4);
    assertThat(usage.totalTokens()).isEqualTo(13);
    assertThat(requestWithMarker(GEMINI).path())
        .isEqualTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent");
  }

  @Test
  void aStreamFallsBackWhenItsFirstProviderFailsBeforeAnswering() {
    GROQ.always(json(500, "{}"));
    GEMINI.always(events(geminiChunk("Fine", "STOP")));
    ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();

    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(ask("task:quick_decision").build())) {
      stream.stream().forEach(accumulator::accumulate);
    }

    ChatCompletion completion = accumulator.chatCompletion();
    assertThat(completion.model()).isEqualTo("gemini/gemini-2.5-flash");
    assertThat(completion.choices().getFirst().message().content()).hasValue("Fine");
  }

  @Test
  void aProviderFailingMidStreamEndsTheStreamWithAnError() {
    // groq sends two pieces, then its stream breaks off without [DONE]
    GROQ.always(events(openAiChunk("Half "), openAiChunk("an answer")));
    GEMINI.always(events(geminiChunk("Never sent", "STOP")));
    List<String> pieces = new ArrayList<>();

    assertThatThrownBy(
            () -> {
              try (StreamResponse<ChatCompletionChunk> stream =
                  client.chat().completions().createStreaming(ask("task:quick_decision").build())) {
                stream.stream()
                    .forEach(
                        c ->
                            c.choices().forEach(ch -> ch.delta().content().ifPresent(pieces::add)));
              }
            })
        .isInstanceOfSatisfying(
            OpenAIServiceException.class,
            e -> {
              assertThat(e.code()).hasValue("AI_PROVIDERS_FAILED");
              assertThat(e.getMessage()).contains("groq failed in the middle of its answer");
            });
    assertThat(pieces).containsSubsequence("Half ", "an answer");
    // once a piece was out, the route's fallback was not asked
    assertThat(GEMINI.requests()).noneMatch(r -> r.body().contains(marker));
  }

  @Test
  void listsAutoEveryTaskAndEveryConfiguredProvidersModels() {
    List<Model> models = client.models().list().data();

    assertThat(models)
        .extracting(Model::id)
        .startsWith("auto", "task:content_generation")
        .contains(
            "task:quick_decision",
            "task:sentiment_analysis",
            "task:general",
            "gemini/gemini-2.5-flash",
            "groq/llama-3.1-8b-instant",
            "huggingface/meta-llama/Llama-3.1-8B-Instruct",
            "huggingface/cardiffnlp/twitter-roberta-base-sentiment-latest")
        .noneMatch(id -> id.startsWith("openrouter/") || id.startsWith("openai/"));
    assertThat(models)
        .filteredOn(m -> m.id().equals("groq/llama-3.1-8b-instant"))
        .singleElement()
        .satisfies(m -> assertThat(m.ownedBy()).isEqualTo("groq"));
    assertThat(models).allSatisfy(m -> assertThat(m.created()).isPositive());
  }

  @Test
  void anUnknownModelIsNotFound() {
    for (String model :
        List.of(
            "gpt-4o",
            "task:poetry",
            "gemini/gemini-9",
            "openrouter/qwen/qwen-2.5-72b-instruct",
            "groq/")) {
      assertThatThrownBy(() -> client.chat().completions().create(ask(model).build()))
          .as(model)
          .isInstanceOfSatisfying(
              NotFoundException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(404);
                assertThat(e.code()).hasValue("MODEL_NOT_FOUND");
                assertThat(e.getMessage()).contains(model);
              });
    }
    assertThatThrownBy(
            () -> {
              try (var stream =
                  client.chat().completions().createStreaming(ask("gpt-4o").build())) {
                stream.stream().count();
              }
            })
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void aDeterministicAnswerIsCachedForItsUserOnly() {
    GEMINI.always(geminiAnswer("Cached once", 2, 2));
    ChatCompletionCreateParams params = ask("auto").temperature(0.0).build();

    ChatCompletion first = client.chat().completions().create(params);
    ChatCompletion again = client.chat().completions().create(params);
    ChatCompletion otherUser =
        client(TestTokens.token("other-" + UUID.randomUUID(), "user"))
            .chat()
            .completions()
            .create(params);

    assertThat(agentic(first)).containsEntry("cached", false);
    assertThat(agentic(again)).containsEntry("cached", true);
    assertThat(again.choices().getFirst().message().content()).hasValue("Cached once");
    assertThat(again.usage().orElseThrow().totalTokens()).isZero();
    assertThat(agentic(otherUser)).containsEntry("cached", false);
    assertThat(GEMINI.requests()).filteredOn(r -> r.body().contains(marker)).hasSize(2);
  }

  @Test
  void aTokenWithoutAValidSignatureIsRefused() {
    assertThatThrownBy(() -> client("agk_not-a-token").models().list())
        .isInstanceOfSatisfying(
            OpenAIServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> agentic(ChatCompletion completion) {
    JsonValue value = completion._additionalProperties().get("agentic");
    assertThat(value).as("agentic member").isNotNull();
    return (Map<String, Object>) value.convert(Map.class);
  }

  private FakeProvider.Request requestWithMarker(FakeProvider provider) {
    return provider.requests().stream()
        .filter(r -> r.body().contains(marker))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no request with " + marker));
  }

  private KafkaProbe kafka() {
    return new KafkaProbe(bootstrap);
  }

  static String geminiChunk(String text, String finishReason) {
    return "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":"
        + quote(text)
        + "}],\"role\":\"model\"}"
        + (finishReason == null ? "" : ",\"finishReason\":\"" + finishReason + "\"")
        + ",\"index\":0}]}";
  }

  static String openAiChunk(String text) {
    return "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"content\":"
        + quote(text)
        + "},\"finish_reason\":null}]}";
  }
}
