package io.agentic.workflow.crud;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.workflow.Api;
import io.agentic.workflow.Api.Answer;
import io.agentic.workflow.TestTokens;
import io.agentic.workflow.WorkflowBodies;
import io.agentic.workflow.WorkflowServiceTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@WorkflowServiceTest
class WorkflowCrudIT {

  @LocalServerPort int port;

  Api api;
  String alice;
  String aliceToken;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    alice = TestTokens.newUserId();
    aliceToken = TestTokens.user(alice);
  }

  private Answer create(String token, Map<String, Object> body) {
    Answer created = api.post("/api/workflows", token, body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created;
  }

  @Test
  void createsReadsReplacesAndKeepsEveryVersion() {
    // given a workflow with one node of every type
    Map<String, Object> body = WorkflowBodies.fixture("every-node-type");
    Answer created = create(aliceToken, body);
    JsonNode w = created.body();
    String id = w.path("id").asString();

    // then it is version 1, owned by its creator, with its graph as sent
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(created.header("Location")).isEqualTo("/api/workflows/" + id);
    assertThat(w.path("version").asInt()).isEqualTo(1);
    assertThat(w.path("ownerId").asString()).isEqualTo(alice);
    assertThat(w.path("status").asString()).isEqualTo("active");
    assertThat(w.path("isPublic").asBoolean()).isFalse();
    assertThat(w.path("permissions").path("owners").get(0).asString()).isEqualTo(alice);
    assertThat(w.path("permissions").path("editors").isEmpty()).isTrue();
    assertThat(w.path("nodes").size()).isEqualTo(14);
    assertThat(w.path("nodes").get(1).path("retry").path("maxAttempts").asInt()).isEqualTo(3);
    assertThat(w.path("nodes").get(1).path("onError").asString()).isEqualTo("branch");
    assertThat(w.path("nodes").get(4).path("data").path("filter").path("$or").size()).isEqualTo(2);
    assertThat(w.path("edges").size()).isEqualTo(13);
    assertThat(w.path("createdAt").asString()).endsWith("Z");
    assertThat(w.has("tags")).isTrue();

    // when it is read back
    Answer read = api.get("/api/workflows/" + id, aliceToken);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo("\"1\"");
    assertThat(read.body()).isEqualTo(w);

    // when it is replaced with the ETag it was read with
    Answer updated =
        api.put(
            "/api/workflows/" + id,
            aliceToken,
            WorkflowBodies.minimal("Renamed", "now minimal", List.of("x"), "archived"),
            Map.of("If-Match", read.header("ETag")));

    // then it is version 2, and version 1 is still there as it was
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.header("ETag")).isEqualTo("\"2\"");
    assertThat(updated.body().path("version").asInt()).isEqualTo(2);
    assertThat(updated.body().path("name").asString()).isEqualTo("Renamed");
    assertThat(updated.body().path("status").asString()).isEqualTo("archived");
    assertThat(updated.body().path("nodes").size()).isEqualTo(2);
    assertThat(updated.body().path("createdAt")).isEqualTo(w.path("createdAt"));

    Answer versions = api.get("/api/workflows/" + id + "/versions", aliceToken);
    assertThat(versions.status()).isEqualTo(200);
    assertThat(versions.body().path("total").asInt()).isEqualTo(2);
    assertThat(versions.body().path("items").get(0).path("version").asInt()).isEqualTo(2);
    assertThat(versions.body().path("items").get(0).path("savedBy").asString()).isEqualTo(alice);
    assertThat(versions.body().path("items").get(1).path("version").asInt()).isEqualTo(1);
    assertThat(versions.body().path("items").get(1).path("name").asString())
        .isEqualTo("Every node type");

    Answer v1 = api.get("/api/workflows/" + id + "/versions/1", aliceToken);
    assertThat(v1.status()).isEqualTo(200);
    assertThat(v1.body().path("version").asInt()).isEqualTo(1);
    assertThat(v1.body().path("nodes")).isEqualTo(w.path("nodes"));
    assertThat(v1.body().path("edges")).isEqualTo(w.path("edges"));
    assertThat(v1.body().path("name").asString()).isEqualTo("Every node type");

    Answer v2 = api.get("/api/workflows/" + id + "/versions/2", aliceToken);
    assertThat(v2.body().path("name").asString()).isEqualTo("Renamed");
    assertThat(api.get("/api/workflows/" + id + "/versions/3", aliceToken).status()).isEqualTo(404);
    assertThat(api.get("/api/workflows/" + id + "/versions/x", aliceToken).status()).isEqualTo(400);
  }

  @Test
  void replacesWithoutIfMatch() {
    String id = create(aliceToken, WorkflowBodies.minimal("v1")).body().path("id").asString();

    Answer updated = api.put("/api/workflows/" + id, aliceToken, WorkflowBodies.minimal("v2"));

    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.body().path("version").asInt()).isEqualTo(2);
  }

  @Test
  void acceptsTheWorkflowAsReadBackAsTheBodyOfAReplace() {
    String id =
        create(aliceToken, WorkflowBodies.fixture("every-node-type")).body().path("id").asString();
    Answer read = api.get("/api/workflows/" + id, aliceToken);

    Answer replaced =
        api.put(
            "/api/workflows/" + id,
            aliceToken,
            read.body().toString(),
            Map.of("If-Match", read.header("ETag")));

    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    assertThat(replaced.body().path("version").asInt()).isEqualTo(2);
    assertThat(replaced.body().path("nodes")).isEqualTo(read.body().path("nodes"));
    assertThat(replaced.body().path("ownerId")).isEqualTo(read.body().path("ownerId"));
  }

  @Test
  void answersNotModifiedToAReadWithTheCurrentETag() {
    String id = create(aliceToken, WorkflowBodies.minimal("etag")).body().path("id").asString();

    Answer again =
        api.send(
            api.request("/api/workflows/" + id, aliceToken).header("If-None-Match", "\"1\"").GET());

    assertThat(again.status()).isEqualTo(304);
  }

  @Test
  void rejectsAStaleIfMatchWith412() {
    String id = create(aliceToken, WorkflowBodies.minimal("v1")).body().path("id").asString();
    api.put("/api/workflows/" + id, aliceToken, WorkflowBodies.minimal("v2"));

    Answer stale =
        api.put(
            "/api/workflows/" + id,
            aliceToken,
            WorkflowBodies.minimal("v3"),
            Map.of("If-Match", "\"1\""));

    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.code()).isEqualTo("PRECONDITION_FAILED");
    assertThat(stale.contentType()).startsWith("application/problem+json");
    assertThat(stale.header("ETag")).isEqualTo("\"2\"");
    assertThat(api.get("/api/workflows/" + id, aliceToken).body().path("name").asString())
        .isEqualTo("v2");
  }

  @Test
  void letsExactlyOneOfTwoConcurrentSavesWithTheSameIfMatchWin() throws Exception {
    String id = create(aliceToken, WorkflowBodies.minimal("v1")).body().path("id").asString();
    CountDownLatch start = new CountDownLatch(1);

    try (var pool = Executors.newFixedThreadPool(4)) {
      List<CompletableFuture<Answer>> saves =
          List.of("a", "b", "c", "d").stream()
              .map(
                  name ->
                      CompletableFuture.supplyAsync(
                          () -> {
                            await(start);
                            return api.put(
                                "/api/workflows/" + id,
                                aliceToken,
                                WorkflowBodies.minimal(name),
                                Map.of("If-Match", "\"1\""));
                          },
                          pool))
              .toList();
      start.countDown();
      List<Integer> statuses = saves.stream().map(f -> f.join().status()).sorted().toList();

      assertThat(statuses).containsExactly(200, 412, 412, 412);
    }
    assertThat(api.get("/api/workflows/" + id, aliceToken).body().path("version").asInt())
        .isEqualTo(2);
    assertThat(
            api.get("/api/workflows/" + id + "/versions", aliceToken).body().path("total").asInt())
        .isEqualTo(2);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void rejectsAnInvalidGraphListingEveryError() {
    Answer answer =
        api.post("/api/workflows", aliceToken, WorkflowBodies.fixture("many-violations"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.code()).isEqualTo("GRAPH_INVALID");
    assertThat(answer.body().path("type").asString()).endsWith("/graph-invalid");
    List<String> fields =
        answer.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    assertThat(fields)
        .contains("name", "nodes[0].id", "nodes[3].type", "edges[0].target", "edges[3]", "nodes");
    assertThat(answer.body().path("errors").get(0).has("message")).isTrue();
  }

  @Test
  void rejectsExpressionsThatDoNotCompileNamingTheNode() {
    Answer answer =
        api.post("/api/workflows", aliceToken, WorkflowBodies.fixture("bad-expressions"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.code()).isEqualTo("EXPRESSION_INVALID");
    assertThat(answer.body().path("errors").valueStream().map(e -> e.path("message").asString()))
        .anyMatch(m -> m.contains("node 'calc'"));
  }

  @Test
  void rejectsAnUnknownStatusAndUnreadableBodies() {
    Map<String, Object> body = WorkflowBodies.minimal("s");
    body.put("status", "deleted");
    Answer badStatus = api.post("/api/workflows", aliceToken, body);
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.body().path("errors").get(0).path("field").asString()).isEqualTo("status");

    Answer malformed = api.post("/api/workflows", aliceToken, "{\"name\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.code()).isNotBlank();

    Answer wrongShape = api.post("/api/workflows", aliceToken, "{\"name\": \"x\", \"nodes\": 5}");
    assertThat(wrongShape.status()).isEqualTo(400);
    assertThat(wrongShape.code()).isNotBlank();

    Answer dataNotObject =
        api.post(
            "/api/workflows",
            aliceToken,
            "{\"name\": \"x\", \"nodes\": [{\"id\": \"in\", \"type\": \"INPUT\", \"data\": [1]}]}");
    assertThat(dataNotObject.status()).isEqualTo(400);
  }

  @Test
  void requiresAToken() {
    Answer answer = api.get("/api/workflows", null);
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.code()).isEqualTo("UNAUTHORIZED");

    String wrongAudience =
        TestTokens.token(
            alice, "user", "agentic", "elsewhere", java.time.Instant.now().plusSeconds(60));
    assertThat(api.get("/api/workflows", wrongAudience).status()).isEqualTo(401);
  }

  @Test
  void hidesAnotherUsersWorkflowBehind404() {
    String id = create(aliceToken, WorkflowBodies.minimal("private")).body().path("id").asString();
    String mallory = TestTokens.user(TestTokens.newUserId());
    String path = "/api/workflows/" + id;

    assertNotFound(api.get(path, mallory));
    assertNotFound(api.put(path, mallory, WorkflowBodies.minimal("mine now")));
    assertNotFound(api.delete(path, mallory));
    assertNotFound(api.get(path + "/versions", mallory));
    assertNotFound(api.get(path + "/versions/1", mallory));
    assertNotFound(api.put(path + "/permissions", mallory, Map.of("owners", List.of("someone"))));
    assertNotFound(api.post(path + "/duplicate", mallory, "{}"));
    assertNotFound(api.get("/api/workflows/no-such-id", aliceToken));

    // and nothing changed
    Answer still = api.get(path, aliceToken);
    assertThat(still.body().path("version").asInt()).isEqualTo(1);
    assertThat(still.body().path("permissions").path("owners").size()).isEqualTo(1);
  }

  private static void assertNotFound(Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
    assertThat(answer.code()).isEqualTo("NOT_FOUND");
  }

  @Test
  void forbidsViewerRoleUsersToCreate() {
    Answer answer =
        api.post(
            "/api/workflows",
            TestTokens.viewer(TestTokens.newUserId()),
            WorkflowBodies.minimal("no"));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.code()).isEqualTo("FORBIDDEN");
  }

  @Test
  void letsOwnersAndAdminsDelete() {
    String id = create(aliceToken, WorkflowBodies.minimal("gone")).body().path("id").asString();

    Answer deleted = api.delete("/api/workflows/" + id, aliceToken);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get("/api/workflows/" + id, aliceToken).status()).isEqualTo(404);
    assertThat(api.get("/api/workflows/" + id + "/versions", aliceToken).status()).isEqualTo(404);
    assertThat(api.delete("/api/workflows/" + id, aliceToken).status()).isEqualTo(404);

    String other = create(aliceToken, WorkflowBodies.minimal("x")).body().path("id").asString();
    String admin = TestTokens.admin(TestTokens.newUserId());
    assertThat(api.get("/api/workflows/" + other, admin).status()).isEqualTo(200);
    assertThat(api.delete("/api/workflows/" + other, admin).status()).isEqualTo(204);
  }

  @Test
  void duplicatesAWorkflowForTheCaller() {
    Map<String, Object> body = WorkflowBodies.fixture("every-node-type");
    String id = create(aliceToken, body).body().path("id").asString();
    String bob = TestTokens.newUserId();
    api.put("/api/workflows/" + id + "/permissions", aliceToken, Map.of("viewers", List.of(bob)));

    Answer copy = api.post("/api/workflows/" + id + "/duplicate", TestTokens.user(bob), "");

    assertThat(copy.status()).as(copy.toString()).isEqualTo(201);
    assertThat(copy.body().path("id").asString()).isNotEqualTo(id);
    assertThat(copy.body().path("ownerId").asString()).isEqualTo(bob);
    assertThat(copy.body().path("version").asInt()).isEqualTo(1);
    assertThat(copy.body().path("name").asString()).isEqualTo("Every node type (copy)");
    assertThat(copy.body().path("nodes").size()).isEqualTo(14);
  }
}
