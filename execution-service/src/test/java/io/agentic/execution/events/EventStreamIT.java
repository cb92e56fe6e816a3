package io.agentic.execution.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentic.execution.support.Api;
import io.agentic.execution.support.Api.Answer;
import io.agentic.execution.support.IntegrationTest;
import io.agentic.execution.support.ScriptedHttpStep;
import io.agentic.execution.support.SseClient;
import io.agentic.execution.support.Tokens;
import io.agentic.execution.support.WorkflowSeeder;
import io.agentic.execution.workflows.WorkflowCatalog;
import io.agentic.platform.security.TokenDenyList;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** {@code GET /api/executions/{id}/events}: replay, live events, heartbeats, endings, tickets. */
class EventStreamIT extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired KafkaTemplate<String, Object> kafka;
  @Autowired WorkflowCatalog catalog;
  @Autowired ScriptedHttpStep httpStep;
  @Autowired StringRedisTemplate redis;

  Api api;
  WorkflowSeeder workflows;
  String owner;
  String ownerToken;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    workflows = new WorkflowSeeder(kafka, catalog);
    owner = WorkflowSeeder.newUser();
    ownerToken = Tokens.bearer(owner, "user");
  }

  private String start(String workflowId, Map<String, Object> inputs) {
    Answer answer =
        api.post("/api/executions", ownerToken, Map.of("workflowId", workflowId, "inputs", inputs));
    assertThat(answer.status()).as("start: %s", answer.json()).isEqualTo(202);
    return answer.at("id");
  }

  private String completed(String fixture) {
    String id = start(workflows.publish(fixture, owner), Map.of());
    await()
        .atMost(PATIENCE)
        .until(() -> "completed".equals(api.get("/api/executions/" + id, ownerToken).at("status")));
    return id;
  }

  private String running(String fixture) {
    String id = start(workflows.publish(fixture, owner), Map.of());
    await()
        .atMost(PATIENCE)
        .until(() -> "running".equals(api.get("/api/executions/" + id, ownerToken).at("status")));
    return id;
  }

  private SseClient stream(String id, String token, String... headers) {
    return SseClient.open(port, "/api/executions/" + id + "/events", token, headers);
  }

  private SseClient withTicket(String id, String ticket) {
    return SseClient.open(port, "/api/executions/" + id + "/events?ticket=" + ticket, null);
  }

  @Test
  void replaysTheLogThenFollowsLiveEventsUntilTheEnd() {
    // given an execution held up by a slow HTTP step
    String gate = UUID.randomUUID().toString();
    String id = start(workflows.publish("slow-call", owner), Map.of("gate", gate));
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                "running"
                    .equals(
                        api.get("/api/executions/" + id, ownerToken)
                            .at("nodeResults.call.status")));

    // when a client connects mid-execution
    try (SseClient client = stream(id, ownerToken)) {
      assertThat(client.status()).isEqualTo(200);
      assertThat(client.header("Content-Type")).startsWith("text/event-stream");
      await()
          .atMost(PATIENCE)
          .until(() -> client.types().contains("node.started") && client.events().size() >= 4);
      // then what happened so far is replayed
      assertThat(client.types())
          .startsWith("execution.started", "node.started", "node.completed", "node.started");
      assertThat(client.ended()).isFalse();

      // and what happens next arrives live, until the terminal event closes the stream
      httpStep.release(gate);
      await().atMost(PATIENCE).until(client::ended);
      assertThat(client.types())
          .containsExactly(
              "execution.started",
              "node.started",
              "node.completed",
              "node.started",
              "node.completed",
              "node.started",
              "node.completed",
              "execution.completed");
      assertThat(client.events())
          .extracting(SseClient.Event::sequence)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, 8).boxed().toList());
      Map<String, Object> callCompleted = client.events().get(4).json();
      assertThat(callCompleted)
          .containsEntry("executionId", id)
          .containsEntry("nodeId", "call")
          .containsKeys("timestamp", "output");
      // credentials are redacted in events too
      @SuppressWarnings("unchecked")
      Map<String, Object> output = (Map<String, Object>) callCompleted.get("output");
      assertThat(output.get("headers"))
          .isEqualTo(Map.of("Content-Type", "application/json", "Set-Cookie", "***"));
      assertThat(client.events().getLast().json())
          .containsEntry("executionId", id)
          .containsEntry("status", "completed")
          .doesNotContainKey("nodeId");
    }
  }

  @Test
  void resumesAfterTheLastEventId() {
    String id = completed("leaf");

    try (SseClient header = stream(id, ownerToken, "Last-Event-ID", "3");
        SseClient query =
            SseClient.open(port, "/api/executions/" + id + "/events?lastEventId=4", ownerToken)) {
      await().atMost(PATIENCE).until(() -> header.ended() && query.ended());

      assertThat(header.events()).extracting(SseClient.Event::sequence).containsExactly(4L, 5L, 6L);
      assertThat(header.types().getLast()).isEqualTo("execution.completed");
      assertThat(query.events()).extracting(SseClient.Event::sequence).containsExactly(5L, 6L);
    }
  }

  @Test
  void replaysARetriedExecutionPastItsFirstEnd() {
    // given an execution that failed, then was retried and completed
    String token = UUID.randomUUID().toString();
    httpStep.failing.add(token);
    String id = start(workflows.publish("toggled-call", owner), Map.of("token", token));
    await()
        .atMost(PATIENCE)
        .until(() -> "failed".equals(api.get("/api/executions/" + id, ownerToken).at("status")));
    httpStep.failing.remove(token);
    assertThat(api.postEmpty("/api/executions/" + id + "/retry", ownerToken).status())
        .isEqualTo(202);
    await()
        .atMost(PATIENCE)
        .until(() -> "completed".equals(api.get("/api/executions/" + id, ownerToken).at("status")));

    // when a client reads its events from the start
    try (SseClient client = stream(id, ownerToken)) {
      await().atMost(PATIENCE).until(client::ended);

      // then the stream goes on past the first end, to the last
      assertThat(client.types()).contains("execution.failed");
      assertThat(client.types().getLast()).isEqualTo("execution.completed");
      assertThat(client.events())
          .extracting(SseClient.Event::sequence)
          .containsExactlyElementsOf(
              LongStream.rangeClosed(1, client.events().size()).boxed().toList());
    }
  }

  @Test
  void rejectsALastEventIdThatIsNoSequence() {
    String id = completed("leaf");

    SseClient client = stream(id, ownerToken, "Last-Event-ID", "abc");

    assertThat(client.status()).isEqualTo(400);
    assertThat(client.problem()).containsEntry("code", "VALIDATION_FAILED");
  }

  @Test
  void sendsHeartbeatsWhileNothingHappens() {
    String id = running("long-delay");

    try (SseClient client = stream(id, ownerToken)) {
      await().atMost(PATIENCE).until(() -> client.comments().size() >= 2);

      assertThat(client.comments()).allMatch("heartbeat"::equals);
      assertThat(client.ended()).isFalse();
      api.postEmpty("/api/executions/" + id + "/stop", ownerToken);
      await().atMost(PATIENCE).until(client::ended);
      assertThat(client.types().getLast()).isEqualTo("execution.cancelled");
    }
  }

  @Test
  void closesWhenTheTokenIsRevoked() {
    String id = running("long-delay");
    String token = Tokens.bearer(owner, "user");

    try (SseClient client = stream(id, token)) {
      await().atMost(PATIENCE).until(() -> !client.comments().isEmpty());

      redis
          .opsForValue()
          .set(TokenDenyList.JTI_PREFIX + Tokens.jti(token), "1", Duration.ofMinutes(16));

      await().atMost(PATIENCE).until(client::ended);
      assertThat(client.types()).doesNotContain("execution.cancelled");
    } finally {
      api.postEmpty("/api/executions/" + id + "/stop", ownerToken);
    }
  }

  @Test
  void closesWhenTheTokenExpires() {
    String id = running("long-delay");
    String token = "Bearer " + Tokens.token(owner, "user", Duration.ofSeconds(2));

    try (SseClient client = stream(id, token)) {
      assertThat(client.status()).isEqualTo(200);

      await().atMost(PATIENCE).until(client::ended);
      assertThat(api.get("/api/executions/" + id, ownerToken).<String>at("status"))
          .isEqualTo("running");
    } finally {
      api.postEmpty("/api/executions/" + id + "/stop", ownerToken);
    }
  }

  @Test
  void acceptsATicketInsteadOfATokenOnce() {
    String id = completed("leaf");
    Answer issued = api.postEmpty("/api/executions/" + id + "/events/ticket", ownerToken);
    assertThat(issued.status()).isEqualTo(200);
    String ticket = issued.at("ticket");
    assertThat(ticket).hasSizeGreaterThan(30);

    try (SseClient first = withTicket(id, ticket)) {
      assertThat(first.status()).isEqualTo(200);
      await().atMost(PATIENCE).until(first::ended);
      assertThat(first.types()).hasSize(6).endsWith("execution.completed");
    }
    SseClient again = withTicket(id, ticket);
    assertThat(again.status()).isEqualTo(401);
    assertThat(again.problem()).containsEntry("code", "INVALID_TICKET");
  }

  @Test
  void refusesATicketForAnotherExecutionOrPastItsTime() {
    String id = completed("leaf");
    String other = completed("leaf");
    String forOther =
        api.postEmpty("/api/executions/" + other + "/events/ticket", ownerToken).at("ticket");
    String expiring =
        api.postEmpty("/api/executions/" + id + "/events/ticket", ownerToken).at("ticket");

    assertThat(withTicket(id, forOther).status()).isEqualTo(401);
    await().atMost(PATIENCE).until(() -> !redis.hasKey(EventTickets.PREFIX + expiring));
    assertThat(withTicket(id, expiring).status()).isEqualTo(401);
    assertThat(withTicket(id, "").status()).isEqualTo(401);
  }

  @Test
  void answers401WithoutTokenOrTicket() {
    String id = completed("leaf");

    SseClient client = stream(id, null);

    assertThat(client.status()).isEqualTo(401);
    assertThat(client.problem()).containsEntry("code", "UNAUTHORIZED");
    assertThat(api.postEmpty("/api/executions/" + id + "/events/ticket", null).status())
        .isEqualTo(401);
    // a bad token is refused even though the path lets tickets in
    assertThat(stream(id, "Bearer not-a-token").status()).isEqualTo(401);
  }

  @Test
  void answers404ForSomeoneElsesExecution() {
    String id = completed("leaf");
    String stranger = Tokens.bearer(WorkflowSeeder.newUser(), "user");

    SseClient client = stream(id, stranger);

    assertThat(client.status()).isEqualTo(404);
    assertThat(client.problem()).containsEntry("code", "NOT_FOUND");
    assertThat(api.postEmpty("/api/executions/" + id + "/events/ticket", stranger).status())
        .isEqualTo(404);
    assertThat(stream(UUID.randomUUID().toString(), ownerToken).status()).isEqualTo(404);
    // the owner's workflow owners and admins may follow it
    assertThat(stream(id, Tokens.bearer(WorkflowSeeder.newUser(), "admin")).status())
        .isEqualTo(200);
  }

  @Test
  void limitsOpenStreamsPerUser() {
    String id = running("long-delay");
    List<SseClient> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        open.add(stream(id, ownerToken));
      }
      assertThat(open).allSatisfy(c -> assertThat(c.status()).isEqualTo(200));

      SseClient fourth = stream(id, ownerToken);

      assertThat(fourth.status()).isEqualTo(429);
      assertThat(fourth.problem()).containsEntry("code", "TOO_MANY_STREAMS");
      assertThat(fourth.header("Retry-After")).isNotBlank();
      // another user is not affected
      assertThat(stream(id, Tokens.bearer(WorkflowSeeder.newUser(), "admin")).status())
          .isEqualTo(200);
    } finally {
      open.forEach(SseClient::close);
    }
    // once the client has gone, its place is free again (noticed at the next heartbeat)
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              try (SseClient again = stream(id, ownerToken)) {
                return again.status() == 200;
              }
            });
    api.postEmpty("/api/executions/" + id + "/stop", ownerToken);
  }
}
