package io.agentic.suite.engine;

import static io.agentic.suite.SuiteAccess.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.suite.SuiteAccess.Answer;
import io.agentic.suite.SuiteAccess.Session;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/executions} through the gateway: the inputs checked against the INPUT fields,
 * {@code Idempotency-Key}, and {@code ?wait=true} with its timeout.
 */
class StartIT {

  private static final String ADDER_NODES =
      """
      [{"id": "in", "type": "INPUT", "data": {"fields": {"a": "integer", "b": "integer"}}},
       {"id": "out", "type": "OUTPUT", "data": {"value": "inputs.a + inputs.b"}}]
      """;
  private static final String ADDER_EDGES = "[{\"source\": \"in\", \"target\": \"out\"}]";

  private final Runs runs = new Runs();
  private final Session me = runs.newUser();

  @Test
  void answersAMissingOrWronglyTypedInputWithAProblemNamingEachField() {
    // given INPUT fields of several types, and one that takes any value
    String id =
        runs.save(
            me,
            "Typed inputs",
            """
            [{"id": "in", "type": "INPUT", "data": {"fields": {"city": "string", "days": "integer",
               "tags": "array", "note": "any"}}},
             {"id": "out", "type": "OUTPUT", "data": {"value": "inputs.city + ' ' + string(inputs.days)"}}]
            """,
            "[{\"source\": \"in\", \"target\": \"out\"}]");

    // when the inputs miss one field and mistype two
    Answer wrong = runs.post(me, id, Map.of("days", "three", "tags", "x", "note", 5), "");
    Answer none = runs.post(me, id, Map.of(), "?wait=true");

    // then each answer is a 400 listing every field that does not fit, and nothing started
    assertProblem(wrong, 400, "INPUT_INVALID");
    assertThat(fieldErrors(wrong))
        .containsExactlyInAnyOrder(
            "inputs.city: is required",
            "inputs.days: must be an integer",
            "inputs.tags: must be an array");
    assertProblem(none, 400, "INPUT_INVALID");
    assertThat(fieldErrors(none))
        .containsExactlyInAnyOrder(
            "inputs.city: is required",
            "inputs.days: is required",
            "inputs.tags: is required",
            "inputs.note: is required");
    assertThat(executionsOf(id)).isZero();

    // and fitting inputs run, an undeclared one passed along
    JsonNode done =
        runs.run(
            me,
            id,
            Map.of(
                "city", "Oslo", "days", 3, "tags", List.of(), "note", List.of(1), "extra", true));
    assertThat(done.path("status").asString()).as("%s", done).isEqualTo("completed");
    assertThat(done.path("outputs").path("out").asString()).isEqualTo("Oslo 3");
    assertThat(done.path("inputs").path("extra").asBoolean()).isTrue();
  }

  @Test
  void answersInputsThatAreNotAnObjectWithAProblem() {
    String id = runs.save(me, "Adder", ADDER_NODES, ADDER_EDGES);

    Answer answer =
        runs.client()
            .call("POST", "/api/executions")
            .token(me.token())
            .json("{\"workflowId\": \"" + id + "\", \"inputs\": [1, 2]}")
            .send();

    assertProblem(answer, 400, null);
    assertThat(executionsOf(id)).isZero();
  }

  @Test
  void answersTheSameExecutionForTheSameIdempotencyKey() {
    // given a workflow anyone may start
    String id = runs.savePublic(me, "Idempotent", ADDER_NODES, ADDER_EDGES);
    String key = UUID.randomUUID().toString();

    // when the same start is sent twice with one key (the second with its fields reordered)
    Answer first =
        startWithKey(me, key, Map.of("workflowId", id, "inputs", Map.of("a", 1, "b", 2)));
    Answer again =
        startWithKey(me, key, "{\"inputs\": {\"b\": 2, \"a\": 1}, \"workflowId\": \"" + id + "\"}");

    // then both answers are the one execution
    assertThat(first.status()).as("%s", first).isEqualTo(202);
    assertThat(again.status()).as("%s", again).isEqualTo(202);
    String executionId = first.json().path("id").asString();
    assertThat(again.json().path("id").asString()).isEqualTo(executionId);
    assertThat(again.header("Location")).isEqualTo("/api/executions/" + executionId);
    assertThat(runs.awaitStatus(me, executionId, "completed").path("outputs").path("out").asInt())
        .isEqualTo(3);

    // and the key with another request is refused, while another user's same key is theirs
    assertProblem(
        startWithKey(me, key, Map.of("workflowId", id, "inputs", Map.of("a", 5, "b", 2))),
        422,
        "IDEMPOTENCY_KEY_REUSED");
    Session other = runs.newUser();
    Answer theirs =
        startWithKey(other, key, Map.of("workflowId", id, "inputs", Map.of("a", 1, "b", 2)));
    assertThat(theirs.status()).as("%s", theirs).isEqualTo(202);
    assertThat(theirs.json().path("id").asString()).isNotEqualTo(executionId);
    assertThat(executionsOf(id)).isEqualTo(2);
  }

  @Test
  void startsOnceWhenTheSameKeyArrivesManyTimesAtOnce() throws Exception {
    String id = runs.save(me, "Idempotent race", ADDER_NODES, ADDER_EDGES);
    String key = UUID.randomUUID().toString();
    Map<String, Object> body = Map.of("workflowId", id, "inputs", Map.of("a", 2, "b", 2));

    List<Answer> answers;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Answer>> sent =
          IntStream.range(0, 6)
              .mapToObj(i -> pool.submit(() -> startWithKey(me, key, body)))
              .toList();
      answers = sent.stream().map(StartIT::get).toList();
    }

    assertThat(answers).allSatisfy(a -> assertThat(a.status()).as("%s", a).isEqualTo(202));
    assertThat(answers)
        .extracting(a -> a.json().path("id").asString())
        .containsOnly(answers.getFirst().json().path("id").asString());
    assertThat(executionsOf(id)).isEqualTo(1);
  }

  @Test
  void waitAnswers200OnceTheRunEndsAnd202WithWhereToLookWhenItsTimeoutPasses() {
    // given a quick workflow and one that waits ten minutes
    String quick = runs.save(me, "Adder", ADDER_NODES, ADDER_EDGES);
    String slow =
        runs.save(
            me,
            "Long wait",
            """
            [{"id": "in", "type": "INPUT", "data": {}},
             {"id": "pause", "type": "DELAY", "data": {"durationMs": 600000}},
             {"id": "out", "type": "OUTPUT", "data": {"value": "'late'"}}]
            """,
            "[{\"source\": \"in\", \"target\": \"pause\"}, {\"source\": \"pause\", \"target\": \"out\"}]");

    // when each is started, waiting (the quick one without timeoutMs: the default applies)
    Answer ended = runs.post(me, quick, Map.of("a", 20, "b", 22), "?wait=true");
    Answer timedOut = runs.post(me, slow, Map.of(), "?wait=true&timeoutMs=200");
    Answer notWaiting = runs.post(me, quick, Map.of("a", 1, "b", 1), "?wait=false");

    // then
    assertThat(ended.status()).as("%s", ended).isEqualTo(200);
    assertThat(ended.json().path("status").asString()).isEqualTo("completed");
    assertThat(ended.json().path("outputs").path("out").asInt()).isEqualTo(42);
    assertThat(timedOut.status()).as("%s", timedOut).isEqualTo(202);
    String waiting = timedOut.json().path("id").asString();
    assertThat(timedOut.header("Location")).isEqualTo("/api/executions/" + waiting);
    assertThat(timedOut.json().path("status").asString()).isIn("pending", "running");
    assertThat(notWaiting.status()).as("%s", notWaiting).isEqualTo(202);
    assertThat(runs.stop(me, waiting).status()).isEqualTo(200);
  }

  @Test
  void refusesAWaitTimeoutOutsideZeroToSixtySecondsBeforeStartingAnything() {
    String id = runs.save(me, "Adder", ADDER_NODES, ADDER_EDGES);
    Map<String, Object> inputs = Map.of("a", 1, "b", 1);

    for (String timeout : List.of("60001", "-1")) {
      Answer answer = runs.post(me, id, inputs, "?wait=true&timeoutMs=" + timeout);
      assertProblem(answer, 400, "VALIDATION_FAILED");
      assertThat(fieldErrors(answer)).singleElement().asString().startsWith("timeoutMs:");
    }
    assertThat(executionsOf(id)).isZero();
    assertThat(runs.post(me, id, inputs, "?wait=true&timeoutMs=60000").status()).isEqualTo(200);
  }

  private Answer startWithKey(Session user, String key, Object body) {
    return runs.client()
        .call("POST", "/api/executions")
        .token(user.token())
        .header("Idempotency-Key", key)
        .json(body)
        .send();
  }

  /** How many executions of the workflow its owner sees. */
  private long executionsOf(String workflowId) {
    Answer page = runs.client().get("/api/executions?workflowId=" + workflowId, me.token());
    assertThat(page.status()).as("%s", page).isEqualTo(200);
    return page.json().path("total").asLong();
  }

  private static List<String> fieldErrors(Answer problem) {
    return problem
        .json()
        .path("errors")
        .valueStream()
        .map(e -> e.path("field").asString() + ": " + e.path("message").asString())
        .toList();
  }

  private static <T> T get(Future<T> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
