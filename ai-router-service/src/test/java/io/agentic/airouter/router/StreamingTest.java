package io.agentic.airouter.router;

import static io.agentic.airouter.FakeProvider.events;
import static io.agentic.airouter.FakeProvider.json;
import static io.agentic.airouter.FakeProvider.openAiAnswer;
import static io.agentic.airouter.FakeProvider.quote;
import static io.agentic.airouter.TestConfig.chat;
import static io.agentic.airouter.router.RouterFixture.failure;
import static io.agentic.airouter.router.RouterFixture.output;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.airouter.FakeProvider;
import io.agentic.airouter.TestConfig;
import io.agentic.airouter.provider.ChatMessage;
import io.agentic.airouter.routing.RouteTarget;
import io.agentic.airouter.routing.TaskType;
import io.agentic.contracts.ai.AiCallRecorded;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Streamed answers: the same route, guards and records, but no fallback once a piece is out. */
class StreamingTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  final FakeProvider firstServer = FakeProvider.start();
  final FakeProvider secondServer = FakeProvider.start();
  final String first = TestConfig.unique("first");
  final String second = TestConfig.unique("second");
  final String userId = "user-" + UUID.randomUUID();
  final Pieces pieces = new Pieces();
  RouterFixture fixture =
      new RouterFixture(
          TestConfig.create()
              .provider(first, "openai", firstServer.baseUrl(), "k1", chat("m1", 1, 1))
              .provider(second, "openai", secondServer.baseUrl(), "k2", chat("m2", 1, 1))
              .route("general", new RouteTarget(first, "m1"), new RouteTarget(second, "m2"))
              .build());

  @AfterEach
  void stop() {
    fixture.close();
    firstServer.close();
    secondServer.close();
  }

  /** What a listener heard. */
  static final class Pieces implements AnswerStream {
    final List<String> heard = new CopyOnWriteArrayList<>();
    volatile boolean gone;

    @Override
    public void delta(RouteTarget from, String text) {
      heard.add(from.provider() + ":" + text);
    }

    @Override
    public boolean cancelled() {
      return gone;
    }
  }

  static AiTask chatTask(boolean json, String... userMessages) {
    return new AiTask(
        TaskType.GENERAL,
        userMessages[userMessages.length - 1],
        null,
        null,
        null,
        null,
        null,
        json,
        Arrays.stream(userMessages).map(ChatMessage::user).toList(),
        false);
  }

  static String chunk(String text) {
    return "{\"choices\":[{\"index\":0,\"delta\":{\"content\":" + quote(text) + "}}]}";
  }

  static String usage(int prompt, int completion) {
    return "{\"choices\":[],\"usage\":{\"prompt_tokens\":%d,\"completion_tokens\":%d}}"
        .formatted(prompt, completion);
  }

  @Test
  void handsOnEachPieceAsTheProviderSendsIt() {
    firstServer.always(events(chunk("Hel"), chunk("lo"), usage(3, 2), "[DONE]"));

    AiOutput out = output(fixture.stream(chatTask(false, "hi"), userId, pieces));

    assertThat(pieces.heard).containsExactly(first + ":Hel", first + ":lo");
    assertThat(out.text()).isEqualTo("Hello");
    assertThat(out.usage().totalTokens()).isEqualTo(5);
    assertThat(out.provider()).isEqualTo(first);
    assertThat(firstServer.requests().getFirst().body()).contains("\"stream\":true");
    assertThat(sentMessages()).containsExactly("user:hi");
    AiCallRecorded call = fixture.usage.getFirst();
    assertThat(call.userId()).isEqualTo(userId);
    assertThat(call.executionId()).isNull();
    assertThat(call.totalTokens()).isEqualTo(5);
    assertThat(call.outcome()).isEqualTo("success");
  }

  @Test
  void fallsBackWhileNothingWasHandedOn() {
    firstServer.always(json(500, "{}"));
    secondServer.always(events(chunk("Saved"), "[DONE]"));

    AiOutput out = output(fixture.stream(chatTask(false, "hi"), userId, pieces));

    assertThat(pieces.heard).containsExactly(second + ":Saved");
    assertThat(out.provider()).isEqualTo(second);
    assertThat(out.fallbackFrom()).containsExactly(first);
    assertThat(firstServer.count()).isEqualTo(3);
  }

  @Test
  void neitherRetriesNorFallsBackOnceAPieceIsOut() {
    // a stream that breaks off after one piece, without [DONE]
    firstServer.always(events(chunk("Half")));
    secondServer.always(events(chunk("Other"), "[DONE]"));

    AiOutcome.Failed failed = failure(fixture.stream(chatTask(false, "hi"), userId, pieces));

    assertThat(failed.code()).isEqualTo(AiRouter.PROVIDERS_FAILED);
    assertThat(failed.message())
        .isEqualTo(first + " failed in the middle of its answer: stream ended early");
    assertThat(pieces.heard).containsExactly(first + ":Half");
    assertThat(firstServer.count()).isEqualTo(1);
    assertThat(secondServer.count()).isZero();
    assertThat(fixture.usage)
        .singleElement()
        .satisfies(c -> assertThat(c.outcome()).isEqualTo("error"));
  }

  @Test
  void aCheckedAnswerArrivesWholeOnceItProvedUsable() {
    firstServer.always(openAiAnswer("not json at all", 2, 2));
    secondServer.always(openAiAnswer("Here: {\"ok\": true}", 2, 2));

    AiOutput out = output(fixture.stream(chatTask(true, "json please"), userId, pieces));

    assertThat(pieces.heard).containsExactly(second + ":{\"ok\":true}");
    assertThat(out.json().path("ok").asBoolean()).isTrue();
    assertThat(firstServer.requests().getFirst().body()).doesNotContain("\"stream\"");
  }

  @Test
  void aCachedAnswerArrivesInOnePiece() {
    firstServer.always(events(chunk("Same "), chunk("again"), "[DONE]"));
    AiTask task =
        new AiTask(
            TaskType.GENERAL,
            "hi",
            null,
            0.0,
            null,
            null,
            null,
            false,
            List.of(ChatMessage.user("hi " + UUID.randomUUID())),
            false);
    fixture.stream(task, userId, new Pieces());

    AiOutput out = output(fixture.stream(task, userId, pieces));

    assertThat(out.cached()).isTrue();
    assertThat(pieces.heard).containsExactly(first + ":Same again");
    assertThat(firstServer.count()).isEqualTo(1);
  }

  @Test
  void aListenerThatLeftStopsTheAnswerWithoutBlamingTheProvider() {
    firstServer.always(events(chunk("One"), chunk("Two"), "[DONE]"));
    pieces.gone = true;

    AiOutcome.Failed failed = failure(fixture.stream(chatTask(false, "hi"), userId, pieces));

    assertThat(failed.retryable()).isFalse();
    assertThat(pieces.heard).isEmpty();
    assertThat(secondServer.count()).isZero();
    assertThat(fixture.health.failureRate(first)).isZero();
  }

  @Test
  void anExactModelIsTheOnlyOneAsked() {
    firstServer.always(json(500, "{}"));
    secondServer.always(openAiAnswer("never", 1, 1));
    AiTask exact =
        new AiTask(
            TaskType.GENERAL,
            "hi",
            null,
            null,
            null,
            first,
            "m1",
            false,
            List.of(ChatMessage.user("hi")),
            true);

    AiOutcome.Failed failed = failure(fixture.answer(exact, userId));

    assertThat(failed.code()).isEqualTo(AiRouter.PROVIDERS_FAILED);
    assertThat(secondServer.count()).isZero();
  }

  @Test
  void aConversationFollowsTheRoutersOwnInstructions() {
    firstServer.always(openAiAnswer("{\"a\":1}", 1, 1));

    output(
        fixture.answer(
            new AiTask(
                TaskType.GENERAL,
                "q2",
                null,
                null,
                null,
                null,
                null,
                true,
                List.of(
                    ChatMessage.system("Be terse."),
                    ChatMessage.user("q1"),
                    new ChatMessage(ChatMessage.ASSISTANT, "a1"),
                    ChatMessage.user("q2")),
                false),
            userId));

    assertThat(sentMessages())
        .containsExactly(
            "system:" + JsonAnswers.INSTRUCTION,
            "system:Be terse.",
            "user:q1",
            "assistant:a1",
            "user:q2");
  }

  /** The messages the first provider received, as {@code role:content}. */
  private List<String> sentMessages() {
    JsonNode body = JSON.readTree(firstServer.requests().getFirst().body());
    List<String> messages = new ArrayList<>();
    body.path("messages")
        .forEach(m -> messages.add(m.path("role").asString() + ":" + m.path("content").asString()));
    return messages;
  }
}
