package io.agentic.suite.workflows;

import static io.agentic.suite.SuiteAccess.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.suite.SuiteAccess;
import io.agentic.suite.SuiteAccess.Answer;
import io.agentic.suite.SuiteAccess.Client;
import io.agentic.suite.SuiteAccess.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Workflows through the gateway: optimistic concurrency with {@code If-Match}, versions, graph
 * validation, what another user sees of someone's workflow, sharing, public workflows, templates
 * and import/export.
 */
class WorkflowsIT {

  private final Client gateway = SuiteAccess.client();

  @Test
  void createsReadsAndUpdatesWithETagsAndKeepsEveryVersion() {
    // given a saved workflow
    Session me = gateway.newUser();
    Answer created = gateway.post("/api/workflows", workflow("first " + shortId()), me.token());
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.json().path("version").asInt()).isEqualTo(1);
    assertThat(created.json().path("status").asString()).isEqualTo("active");
    assertThat(created.json().path("isPublic").asBoolean()).isFalse();
    assertThat(created.json().path("permissions").path("owners").toString()).contains(me.userId());
    String id = created.json().path("id").asString();
    String etag1 = created.header("ETag");
    assertThat(etag1).isNotBlank();

    // when read, then the same version and ETag
    Answer read = gateway.get("/api/workflows/" + id, me.token());
    assertThat(read.status()).as("%s", read).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo(etag1);
    assertThat(read.json().path("name").asString())
        .isEqualTo(created.json().path("name").asString());

    // when updated with the current ETag, then version 2 and a new ETag
    Answer updated =
        gateway
            .call("PUT", "/api/workflows/" + id)
            .token(me.token())
            .header("If-Match", etag1)
            .json(workflow("second"))
            .send();
    assertThat(updated.status()).as("%s", updated).isEqualTo(200);
    assertThat(updated.json().path("version").asInt()).isEqualTo(2);
    assertThat(updated.json().path("name").asString()).isEqualTo("second");
    String etag2 = updated.header("ETag");
    assertThat(etag2).isNotBlank().isNotEqualTo(etag1);

    // when updated again with the first ETag, then 412 and nothing changes
    Answer stale =
        gateway
            .call("PUT", "/api/workflows/" + id)
            .token(me.token())
            .header("If-Match", etag1)
            .json(workflow("third"))
            .send();
    assertProblem(stale, 412, "PRECONDITION_FAILED");
    Answer after = gateway.get("/api/workflows/" + id, me.token());
    assertThat(after.json().path("version").asInt()).isEqualTo(2);
    assertThat(after.json().path("name").asString()).isEqualTo("second");
    assertThat(after.header("ETag")).isEqualTo(etag2);

    // and both versions are kept, as saved
    Answer versions = gateway.get("/api/workflows/" + id + "/versions", me.token());
    assertThat(versions.status()).as("%s", versions).isEqualTo(200);
    assertThat(versions.json().path("total").asInt()).isEqualTo(2);
    assertThat(versions.json().path("items").get(0).path("version").asInt()).isEqualTo(2);
    Answer first = gateway.get("/api/workflows/" + id + "/versions/1", me.token());
    assertThat(first.status()).as("%s", first).isEqualTo(200);
    assertThat(first.json().path("version").asInt()).isEqualTo(1);
    assertThat(first.json().path("name").asString()).startsWith("first ");
    assertProblem(
        gateway.get("/api/workflows/" + id + "/versions/3", me.token()), 404, "NOT_FOUND");
  }

  @Test
  void acceptsExactlyOneOfTwoConcurrentUpdatesWithTheSameETag() throws Exception {
    Session me = gateway.newUser();
    Answer created = gateway.post("/api/workflows", workflow("race " + shortId()), me.token());
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String id = created.json().path("id").asString();
    String etag = created.header("ETag");

    CyclicBarrier start = new CyclicBarrier(2);
    List<Answer> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      List<Future<Answer>> futures = new ArrayList<>();
      for (String name : List.of("left", "right")) {
        Callable<Answer> put =
            () -> {
              start.await();
              return gateway
                  .call("PUT", "/api/workflows/" + id)
                  .token(me.token())
                  .header("If-Match", etag)
                  .json(workflow(name))
                  .send();
            };
        futures.add(pool.submit(put));
      }
      for (Future<Answer> future : futures) {
        answers.add(future.get());
      }
    }

    assertThat(answers)
        .extracting(Answer::status)
        .as("%s", answers)
        .containsExactlyInAnyOrder(200, 412);
    Answer loser = answers.stream().filter(a -> a.status() == 412).findFirst().orElseThrow();
    assertProblem(loser, 412, "PRECONDITION_FAILED");
    Answer winner = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
    Answer after = gateway.get("/api/workflows/" + id, me.token());
    assertThat(after.json().path("version").asInt()).isEqualTo(2);
    assertThat(after.json().path("name").asString())
        .isEqualTo(winner.json().path("name").asString());
    assertThat(
            gateway
                .get("/api/workflows/" + id + "/versions", me.token())
                .json()
                .path("total")
                .asInt())
        .isEqualTo(2);
  }

  @Test
  void listsEveryGraphErrorOfAnInvalidWorkflow() {
    Session me = gateway.newUser();
    Map<String, Object> invalid =
        Map.of(
            "name",
            "broken " + shortId(),
            "nodes",
            List.of(
                Map.of("id", "1bad", "type", "TRANSFORM", "data", Map.of("expression", "1 + 1")),
                Map.of("id", "warp", "type", "TELEPORT", "data", Map.of()),
                Map.of("id", "a", "type", "TRANSFORM", "data", Map.of("expression", "1")),
                Map.of("id", "b", "type", "TRANSFORM", "data", Map.of("expression", "2"))),
            "edges",
            List.of(
                Map.of("source", "warp", "target", "ghost"),
                Map.of("source", "a", "target", "b"),
                Map.of("source", "b", "target", "a")));

    Answer answer = gateway.post("/api/workflows", invalid, me.token());

    assertProblem(answer, 400, "GRAPH_INVALID");
    JsonNode errors = answer.json().path("errors");
    assertThat(errors.size())
        .as("bad id, unknown type, missing node, cycle, no INPUT: %s", errors)
        .isGreaterThanOrEqualTo(5);
    for (JsonNode error : errors) {
      assertThat(error.path("message").asString()).as("%s", error).isNotBlank();
    }
    assertThat(errors.toString()).contains("1bad", "TELEPORT", "ghost");
    assertThat(gateway.get("/api/workflows?q=broken", me.token()).json().path("total").asInt())
        .isZero();
  }

  @Test
  void answers404ForSomeoneElsesWorkflowOnEveryEndpoint() {
    // given someone's private workflow, with two versions
    Session owner = gateway.newUser();
    Session stranger = gateway.newUser();
    String id = create(owner, "private " + shortId());
    assertThat(gateway.put("/api/workflows/" + id, workflow("private v2"), owner.token()).status())
        .isEqualTo(200);
    String base = "/api/workflows/" + id;
    String token = stranger.token();

    // when a stranger reaches for it in any way, then it does not exist for them
    assertProblem(gateway.get(base, token), 404, "NOT_FOUND");
    assertProblem(gateway.put(base, workflow("hijacked"), token), 404, "NOT_FOUND");
    assertProblem(gateway.delete(base, token), 404, "NOT_FOUND");
    assertProblem(gateway.get(base + "/versions", token), 404, "NOT_FOUND");
    assertProblem(gateway.get(base + "/versions/1", token), 404, "NOT_FOUND");
    assertProblem(gateway.post(base + "/duplicate", Map.of(), token), 404, "NOT_FOUND");
    assertProblem(
        gateway.put(base + "/permissions", Map.of("editors", List.of(stranger.userId())), token),
        404,
        "NOT_FOUND");
    assertProblem(gateway.get(base + "/export", token), 404, "NOT_FOUND");

    // and the owner's workflow is untouched, the stranger's list does not show it
    Answer mine = gateway.get(base, owner.token());
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json().path("version").asInt()).isEqualTo(2);
    assertThat(mine.json().path("permissions").toString()).doesNotContain(stranger.userId());
    assertThat(gateway.get("/api/workflows?size=100", token).body()).doesNotContain(id);
  }

  @Test
  void anEditorMayChangeTheGraphButNotDeleteOrShare() {
    // given a workflow shared with an editor and a viewer
    Session owner = gateway.newUser();
    Session editor = gateway.newUser();
    Session viewer = gateway.newUser();
    String id = create(owner, "shared " + shortId());
    Answer shared =
        gateway.put(
            "/api/workflows/" + id + "/permissions",
            Map.of("editors", List.of(editor.userId()), "viewers", List.of(viewer.userId())),
            owner.token());
    assertThat(shared.status()).as("%s", shared).isEqualTo(200);

    // then the editor may read and change the graph
    assertThat(gateway.get("/api/workflows/" + id, editor.token()).status()).isEqualTo(200);
    Answer edited = gateway.put("/api/workflows/" + id, workflow("edited"), editor.token());
    assertThat(edited.status()).as("%s", edited).isEqualTo(200);
    assertThat(edited.json().path("version").asInt()).isEqualTo(2);
    // but not delete it, share it or make it public
    assertProblem(gateway.delete("/api/workflows/" + id, editor.token()), 403, null);
    assertProblem(
        gateway.put(
            "/api/workflows/" + id + "/permissions",
            Map.of("editors", List.of(editor.userId(), viewer.userId())),
            editor.token()),
        403,
        null);

    // and the viewer may read but change nothing
    assertThat(gateway.get("/api/workflows/" + id, viewer.token()).status()).isEqualTo(200);
    assertProblem(gateway.put("/api/workflows/" + id, workflow("no"), viewer.token()), 403, null);
    assertProblem(gateway.delete("/api/workflows/" + id, viewer.token()), 403, null);

    // and the owner still may delete it
    assertThat(gateway.delete("/api/workflows/" + id, owner.token()).status()).isEqualTo(204);
    assertProblem(gateway.get("/api/workflows/" + id, editor.token()), 404, "NOT_FOUND");
  }

  @Test
  void aPublicWorkflowIsReadableByAnyoneButChangedOnlyByItsOwners() {
    Session owner = gateway.newUser();
    Session reader = gateway.newUser();
    String id = create(owner, "public " + shortId());
    assertProblem(gateway.get("/api/workflows/" + id, reader.token()), 404, "NOT_FOUND");

    Answer published =
        gateway.put(
            "/api/workflows/" + id + "/permissions", Map.of("isPublic", true), owner.token());
    assertThat(published.status()).as("%s", published).isEqualTo(200);

    Answer read = gateway.get("/api/workflows/" + id, reader.token());
    assertThat(read.status()).as("%s", read).isEqualTo(200);
    assertThat(read.json().path("isPublic").asBoolean()).isTrue();
    assertThat(gateway.get("/api/workflows/" + id + "/export", reader.token()).status())
        .isEqualTo(200);
    Answer copy = gateway.post("/api/workflows/" + id + "/duplicate", Map.of(), reader.token());
    assertThat(copy.status()).as("%s", copy).isEqualTo(201);
    assertThat(copy.json().path("ownerId").asString()).isEqualTo(reader.userId());
    assertThat(copy.json().path("isPublic").asBoolean()).isFalse();
    assertProblem(
        gateway.put("/api/workflows/" + id, workflow("mine now"), reader.token()), 403, null);
    assertProblem(gateway.delete("/api/workflows/" + id, reader.token()), 403, null);
  }

  @Test
  void offersAtLeastEightTemplatesAndEveryOneInstantiates() {
    Session me = gateway.newUser();
    Answer templates = gateway.get("/api/templates?size=100", me.token());
    assertThat(templates.status()).as("%s", templates).isEqualTo(200);
    JsonNode items = templates.json().path("items");
    assertThat(items.size()).as("%s", templates).isGreaterThanOrEqualTo(8);
    assertThat(templates.json().path("total").asInt()).isEqualTo(items.size());

    for (JsonNode template : items) {
      String templateId = template.path("id").asString();
      Answer made =
          gateway.post(
              "/api/templates/" + templateId + "/instantiate",
              Map.of("name", "from " + templateId),
              me.token());
      assertThat(made.status()).as("instantiating %s: %s", templateId, made).isEqualTo(201);
      assertThat(made.json().path("ownerId").asString()).isEqualTo(me.userId());
      assertThat(made.json().path("version").asInt()).isEqualTo(1);
      assertThat(made.json().path("nodes").size()).isPositive();
      String id = made.json().path("id").asString();
      assertThat(gateway.get("/api/workflows/" + id, me.token()).status()).isEqualTo(200);
    }
    assertProblem(
        gateway.post("/api/templates/no-such-template/instantiate", Map.of(), me.token()),
        404,
        "NOT_FOUND");
  }

  @Test
  void exportsAWorkflowThatImportsAsTheSameGraph() {
    Session me = gateway.newUser();
    Session other = gateway.newUser();
    Map<String, Object> original =
        Map.of(
            "name",
            "round trip " + shortId(),
            "description",
            "exported and imported",
            "tags",
            List.of("io", "trip"),
            "nodes",
            List.of(
                Map.of(
                    "id", "in", "type", "INPUT", "data", Map.of("fields", Map.of("n", "number"))),
                Map.of(
                    "id",
                    "double",
                    "type",
                    "TRANSFORM",
                    "position",
                    Map.of("x", 10, "y", 20),
                    "data",
                    Map.of("expression", "inputs.n * 2")),
                Map.of(
                    "id", "out", "type", "OUTPUT", "data", Map.of("value", "nodes.double.output"))),
            "edges",
            List.of(
                Map.of("source", "in", "target", "double"),
                Map.of("source", "double", "target", "out")));
    Answer created = gateway.post("/api/workflows", original, me.token());
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String id = created.json().path("id").asString();

    Answer exported = gateway.get("/api/workflows/" + id + "/export", me.token());
    assertThat(exported.status()).as("%s", exported).isEqualTo(200);
    assertThat(exported.json().path("formatVersion").asInt()).isEqualTo(1);
    assertThat(exported.header("Content-Disposition"))
        .contains("attachment")
        .contains(".workflow.json");
    assertThat(exported.body()).doesNotContain(me.userId());

    // imported by another user, it is their own private copy of the same graph
    Answer imported =
        gateway
            .call("POST", "/api/workflows/import")
            .token(other.token())
            .json(exported.body())
            .send();
    assertThat(imported.status()).as("%s", imported).isEqualTo(201);
    JsonNode copy = imported.json();
    assertThat(copy.path("id").asString()).isNotEqualTo(id);
    assertThat(copy.path("ownerId").asString()).isEqualTo(other.userId());
    assertThat(copy.path("version").asInt()).isEqualTo(1);
    assertThat(copy.path("isPublic").asBoolean()).isFalse();
    JsonNode source = created.json();
    assertThat(copy.path("name")).isEqualTo(source.path("name"));
    assertThat(copy.path("description")).isEqualTo(source.path("description"));
    assertThat(copy.path("tags")).isEqualTo(source.path("tags"));
    assertThat(copy.path("nodes")).isEqualTo(source.path("nodes"));
    assertThat(edgePairs(copy)).isEqualTo(edgePairs(source));

    // and a second export is the same document
    Answer again =
        gateway.get("/api/workflows/" + copy.path("id").asString() + "/export", other.token());
    assertThat(again.json()).isEqualTo(exported.json());
  }

  private static List<String> edgePairs(JsonNode workflow) {
    List<String> pairs = new ArrayList<>();
    for (JsonNode edge : workflow.path("edges")) {
      pairs.add(edge.path("source").asString() + "->" + edge.path("target").asString());
    }
    return pairs;
  }

  private String create(Session owner, String name) {
    Answer created = gateway.post("/api/workflows", workflow(name), owner.token());
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return created.json().path("id").asString();
  }

  static Map<String, Object> workflow(String name) {
    return Map.of(
        "name",
        name,
        "nodes",
        List.of(
            Map.of("id", "in", "type", "INPUT", "data", Map.of()),
            Map.of("id", "out", "type", "OUTPUT", "data", Map.of("value", "inputs"))),
        "edges",
        List.of(Map.of("source", "in", "target", "out")));
  }

  static String shortId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }
}
