package io.agentic.suite.nodes;

import static io.agentic.suite.ai.Flows.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.agentic.suite.ai.AiSuite;
import io.agentic.suite.ai.Gateway;
import io.agentic.suite.ai.Gateway.Answer;
import io.agentic.suite.ai.Gateway.Event;
import io.agentic.suite.ai.Gateway.Session;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/executions/{id}/events} through the gateway. */
class EventsIT {

  private static final Duration STREAM_LIMIT = Duration.ofSeconds(30);

  private final Gateway gateway = AiSuite.gateway();

  @Test
  void replaysEveryEventInOrderAfterTheEndThenCloses() {
    Session me = gateway.newUser();
    JsonNode execution = gateway.run(doubler(me), Map.of("n", 4), me.token());
    String id = execution.path("id").asString();

    List<Event> events = readAll("/api/executions/" + id + "/events", me.token());

    assertThat(events).as("%s", events).isNotEmpty();
    assertThat(events.getFirst().type()).isEqualTo("execution.started");
    assertThat(events.getLast().type()).isEqualTo("execution.completed");
    assertThat(events.stream().filter(e -> e.type().startsWith("execution."))).hasSize(2);
    assertThat(events.stream().filter(e -> e.type().equals("node.completed")).count()).isEqualTo(3);
    long previous = 0;
    for (Event event : events) {
      assertThat(Long.parseLong(event.id())).as("%s", events).isGreaterThan(previous);
      previous = Long.parseLong(event.id());
      assertThat(event.data().path("executionId").asString()).isEqualTo(id);
      assertThat(event.data().path("timestamp").asString()).isNotBlank();
    }
    JsonNode doubled =
        events.stream()
            .filter(e -> e.type().equals("node.completed"))
            .filter(e -> e.data().path("nodeId").asString().equals("double"))
            .findFirst()
            .orElseThrow()
            .data();
    assertThat(doubled.path("output").asInt()).as("%s", doubled).isEqualTo(8);
  }

  @Test
  void resumesAfterLastEventId() {
    Session me = gateway.newUser();
    String id = gateway.run(doubler(me), Map.of("n", 1), me.token()).path("id").asString();
    List<Event> all = readAll("/api/executions/" + id + "/events", me.token());
    assertThat(all.size()).isGreaterThan(3);
    String after = all.get(1).id();

    List<Event> rest =
        readAll("/api/executions/" + id + "/events", me.token(), "Last-Event-ID", after);

    assertThat(rest)
        .extracting(Event::id)
        .isEqualTo(all.subList(2, all.size()).stream().map(Event::id).toList());
    assertThat(rest.getLast().type()).isEqualTo("execution.completed");
  }

  @Test
  void streamsWithASingleUseTicketAndNoToken() {
    Session me = gateway.newUser();
    String id = gateway.run(doubler(me), Map.of("n", 2), me.token()).path("id").asString();
    Answer ticket = gateway.post("/api/executions/" + id + "/events/ticket", Map.of(), me.token());
    assertThat(ticket.status()).as("%s", ticket).isIn(200, 201);
    String value = ticket.json().path("ticket").asString();
    assertThat(value).isNotBlank();

    List<Event> events = readAll("/api/executions/" + id + "/events?ticket=" + value, null);
    assertThat(events).isNotEmpty();
    assertThat(events.getLast().type()).isEqualTo("execution.completed");

    // a ticket is single use, and nothing at all is refused
    Answer again = gateway.get("/api/executions/" + id + "/events?ticket=" + value, null);
    assertThat(again.status()).as("%s", again).isEqualTo(401);
    Answer none = gateway.get("/api/executions/" + id + "/events", null);
    assertThat(none.status()).as("%s", none).isEqualTo(401);
  }

  @Test
  void hidesAnotherUsersExecutionEverywhere() {
    Session me = gateway.newUser();
    Session other = gateway.newUser();
    String id = gateway.run(doubler(me), Map.of("n", 2), me.token()).path("id").asString();
    String base = "/api/executions/" + id;

    for (Answer answer :
        List.of(
            gateway.get(base, other.token()),
            gateway.get(base + "/events", other.token()),
            gateway.post(base + "/events/ticket", Map.of(), other.token()),
            gateway.post(base + "/stop", Map.of(), other.token()),
            gateway.post(base + "/retry", Map.of(), other.token()),
            gateway.get(base + "/nodes/double/output", other.token()))) {
      assertThat(answer.status()).as("%s %s", answer.raw().request().uri(), answer).isEqualTo(404);
      assertThat(answer.json().path("code").asString()).isEqualTo("NOT_FOUND");
    }
    // while the owner sees them
    assertThat(gateway.get(base + "/nodes/double/output", me.token()).status()).isEqualTo(200);
  }

  @Test
  void closesTheStreamWhenTheUserLogsOut() throws Exception {
    Session me = gateway.newUser();
    String waiting =
        gateway.save(
            workflow(
                "Long delay",
                """
                [{"id": "in", "type": "INPUT", "data": {}},
                 {"id": "pause", "type": "DELAY", "data": {"durationMs": 120000}},
                 {"id": "out", "type": "OUTPUT", "data": {"value": "1"}}]
                """,
                """
                [{"source": "in", "target": "pause"}, {"source": "pause", "target": "out"}]
                """),
            me.token());
    String id = gateway.start(waiting, Map.of(), me.token());
    HttpResponse<Stream<String>> stream =
        gateway.openStream("/api/executions/" + id + "/events", me.token());
    assertThat(stream.statusCode()).isEqualTo(200);
    CompletableFuture<List<Event>> read =
        CompletableFuture.supplyAsync(() -> Gateway.events(stream.body()));

    Answer logout =
        gateway.post("/api/auth/logout", Map.of("refreshToken", me.refreshToken()), me.token());
    assertThat(logout.status()).as("%s", logout).isEqualTo(204);

    // the stream ends (without a terminal event: the execution still waits)
    List<Event> seen = read.get(20, TimeUnit.SECONDS);
    assertThat(seen).extracting(Event::type).contains("execution.started");
    assertThat(seen).extracting(Event::type).doesNotContain("execution.completed");

    // clean up: stop the execution as the same user after logging in again
    String token =
        gateway
            .post(
                "/api/auth/login",
                Map.of("login", me.username(), "password", me.password()),
                (String) null)
            .json()
            .path("accessToken")
            .asString();
    assertThat(gateway.post("/api/executions/" + id + "/stop", Map.of(), token).status())
        .isIn(200, 202);
  }

  private List<Event> readAll(String path, String token, String... headers) {
    return assertTimeoutPreemptively(
        STREAM_LIMIT,
        () -> {
          HttpResponse<Stream<String>> response = gateway.openStream(path, token, headers);
          assertThat(response.statusCode()).as("%s", path).isEqualTo(200);
          assertThat(response.headers().firstValue("Content-Type").orElse(""))
              .startsWith("text/event-stream");
          try (Stream<String> lines = response.body()) {
            return Gateway.events(lines);
          }
        });
  }

  private String doubler(Session me) {
    return gateway.save(
        workflow(
            "Doubler",
            """
            [{"id": "in", "type": "INPUT", "data": {"fields": {"n": "integer"}}},
             {"id": "double", "type": "TRANSFORM", "data": {"expression": "inputs.n * 2"}},
             {"id": "out", "type": "OUTPUT", "data": {"value": "nodes.double.output"}}]
            """,
            """
            [{"source": "in", "target": "double"}, {"source": "double", "target": "out"}]
            """),
        me.token());
  }
}
