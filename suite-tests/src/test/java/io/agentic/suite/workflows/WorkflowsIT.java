package io.agentic.suite.workflows;

import static io.agentic.suite.SuiteAccess.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.suite.SuiteAccess;
import io.agentic.suite.SuiteAccess.Answer;
import io.agentic.suite.SuiteAccess.Client;
import io.agentic.suite.SuiteAccess.Session;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  /** One call of the contract that names a workflow by id, made by {@code who} on {@code path}. */
  private interface Reach {
    Answer call(String path, Session who);
  }

  /** Every call of API.md (and export) that names a workflow, with the id in {@code path}. */
  private Map<String, Reach> everyCallNamingAWorkflow() {
    Map<String, Reach> calls = new LinkedHashMap<>();
    calls.put("GET", (path, who) -> gateway.get(path, who.token()));
    calls.put("PUT", (path, who) -> gateway.put(path, workflow("hijacked"), who.token()));
    calls.put("PUT with the current If-Match", (path, who) -> putIfMatch(path, who, "\"2\""));
    calls.put("PUT with a stale If-Match", (path, who) -> putIfMatch(path, who, "\"1\""));
    calls.put(
        "PUT archiving it",
        (path, who) -> {
          Map<String, Object> archived = new LinkedHashMap<>(workflow("archived"));
          archived.put("status", "archived");
          return gateway.put(path, archived, who.token());
        });
    calls.put("DELETE", (path, who) -> gateway.delete(path, who.token()));
    calls.put("GET versions", (path, who) -> gateway.get(path + "/versions", who.token()));
    calls.put("GET versions/1", (path, who) -> gateway.get(path + "/versions/1", who.token()));
    calls.put("GET versions/2", (path, who) -> gateway.get(path + "/versions/2", who.token()));
    calls.put(
        "POST duplicate", (path, who) -> gateway.post(path + "/duplicate", Map.of(), who.token()));
    calls.put(
        "PUT permissions sharing it",
        (path, who) ->
            gateway.put(
                path + "/permissions", Map.of("editors", List.of(who.userId())), who.token()));
    calls.put(
        "PUT permissions making it public",
        (path, who) -> gateway.put(path + "/permissions", Map.of("isPublic", true), who.token()));
    calls.put("GET export", (path, who) -> gateway.get(path + "/export", who.token()));
    return calls;
  }

  private Answer putIfMatch(String path, Session who, String etag) {
    return gateway
        .call("PUT", path)
        .token(who.token())
        .header("If-Match", etag)
        .json(workflow("hijacked"))
        .send();
  }

  @Test
  void answers404ForSomeoneElsesWorkflowOnEveryEndpointAsForOneThatDoesNotExist() {
    // given someone's private workflow, with two versions
    Session owner = gateway.newUser();
    Session stranger = gateway.newUser();
    String id = create(owner, "private " + shortId());
    assertThat(gateway.put("/api/workflows/" + id, workflow("private v2"), owner.token()).status())
        .isEqualTo(200);
    String absent = UUID.randomUUID().toString();

    for (Map.Entry<String, Reach> call : everyCallNamingAWorkflow().entrySet()) {
      // when a stranger reaches for it in any way
      Answer theirs = call.getValue().call("/api/workflows/" + id, stranger);
      Answer nobodys = call.getValue().call("/api/workflows/" + absent, owner);

      // then it does not exist for them: the same answer as for an id nobody has
      assertProblem(theirs, 404, "NOT_FOUND");
      assertProblem(nobodys, 404, "NOT_FOUND");
      assertThat(theirs.json().path("title")).isEqualTo(nobodys.json().path("title"));
      assertThat(theirs.json().path("detail").asString().replace(id, "<id>"))
          .as(call.getKey())
          .isEqualTo(nobodys.json().path("detail").asString().replace(absent, "<id>"));
    }

    // and the owner's workflow is untouched, the stranger's list does not show it
    Answer mine = gateway.get("/api/workflows/" + id, owner.token());
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json().path("version").asInt()).isEqualTo(2);
    assertThat(mine.json().path("status").asString()).isEqualTo("active");
    assertThat(mine.json().path("isPublic").asBoolean()).isFalse();
    assertThat(mine.json().path("permissions").toString()).doesNotContain(stranger.userId());
    assertThat(
            gateway.get("/api/workflows/" + id + "/versions", owner.token()).json().path("total"))
        .hasToString("2");
    assertThat(gateway.get("/api/workflows?size=100", stranger.token()).body()).doesNotContain(id);
    // while an admin, who may do everything, reads it
    assertThat(gateway.get("/api/workflows/" + id, gateway.adminToken()).status()).isEqualTo(200);
  }

  @Test
  void aDeletedWorkflowIsGoneOnEveryEndpointEvenForItsOwner() {
    Session owner = gateway.newUser();
    String id = create(owner, "deleted " + shortId());
    assertThat(gateway.put("/api/workflows/" + id, workflow("deleted v2"), owner.token()).status())
        .isEqualTo(200);
    assertThat(gateway.delete("/api/workflows/" + id, owner.token()).status()).isEqualTo(204);

    for (Map.Entry<String, Reach> call : everyCallNamingAWorkflow().entrySet()) {
      Answer answer = call.getValue().call("/api/workflows/" + id, owner);
      assertThat(answer.status()).as("%s: %s", call.getKey(), answer).isEqualTo(404);
      assertProblem(answer, 404, "NOT_FOUND");
    }
    assertThat(gateway.get("/api/workflows?size=100", owner.token()).body()).doesNotContain(id);
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
      // the workflows it runs were made for the caller too
      for (JsonNode node : made.json().path("nodes")) {
        String child = node.path("data").path("workflowId").asString("");
        if (!child.isEmpty()) {
          Answer runs = gateway.get("/api/workflows/" + child, me.token());
          assertThat(runs.status()).as("%s runs %s: %s", templateId, child, runs).isEqualTo(200);
          assertThat(runs.json().path("ownerId").asString()).isEqualTo(me.userId());
        }
      }
      // and the graph as stored saves again unchanged: it passes every rule
      Answer resaved =
          gateway
              .call("PUT", "/api/workflows/" + id)
              .token(me.token())
              .header("If-Match", made.header("ETag"))
              .json(contentOf(made.json()))
              .send();
      assertThat(resaved.status()).as("re-saving %s: %s", templateId, resaved).isEqualTo(200);
      assertThat(resaved.json().path("version").asInt()).isEqualTo(2);
      assertThat(resaved.json().path("nodes")).isEqualTo(made.json().path("nodes"));

      Answer detail = gateway.get("/api/templates/" + templateId, me.token());
      assertThat(detail.status()).as("%s", detail).isEqualTo(200);
      assertThat(detail.json().path("id").asString()).isEqualTo(templateId);
    }
    assertProblem(
        gateway.post("/api/templates/no-such-template/instantiate", Map.of(), me.token()),
        404,
        "NOT_FOUND");
    assertProblem(gateway.get("/api/templates/no-such-template", me.token()), 404, "NOT_FOUND");
  }

  private static Map<String, Object> contentOf(JsonNode workflow) {
    Map<String, Object> content = new LinkedHashMap<>();
    for (String field : List.of("name", "description", "nodes", "edges", "tags")) {
      content.put(field, workflow.path(field));
    }
    return content;
  }

  @Test
  void exportsHideSecretsAndAnImportIsCheckedLikeASave() {
    Session me = gateway.newUser();
    Map<String, Object> withSecrets =
        Map.of(
            "name",
            "secrets " + shortId(),
            "nodes",
            List.of(
                Map.of("id", "in", "type", "INPUT", "data", Map.of()),
                Map.of(
                    "id",
                    "call",
                    "type",
                    "HTTP_REQUEST",
                    "data",
                    Map.of(
                        "method",
                        "POST",
                        "url",
                        "https://example.com/hook",
                        "headers",
                        Map.of("Authorization", "Bearer sk-live-1", "X-Trace", "kept"),
                        "body",
                        Map.of("clientSecret", "hunter2", "count", 5)))),
            "edges",
            List.of(Map.of("source", "in", "target", "call")));
    Answer created = gateway.post("/api/workflows", withSecrets, me.token());
    assertThat(created.status()).as("%s", created).isEqualTo(201);

    Answer exported =
        gateway.get(
            "/api/workflows/" + created.json().path("id").asString() + "/export", me.token());

    assertThat(exported.status()).as("%s", exported).isEqualTo(200);
    assertThat(exported.body()).doesNotContain("sk-live-1", "hunter2");
    JsonNode data = exported.json().path("nodes").get(1).path("data");
    assertThat(data.path("headers").path("Authorization").asString()).isEqualTo("***");
    assertThat(data.path("headers").path("X-Trace").asString()).isEqualTo("kept");
    assertThat(data.path("body").path("clientSecret").asString()).isEqualTo("***");
    assertThat(data.path("body").path("count").asInt()).isEqualTo(5);

    // an import is refused with every problem of the file listed, and nothing is created
    String name = "bad import " + shortId();
    Map<String, Object> badFile = new LinkedHashMap<>();
    badFile.put("formatVersion", 2);
    badFile.put("name", name);
    badFile.put("ownerId", me.userId());
    badFile.put(
        "nodes",
        List.of(
            Map.of("id", "in", "type", "INPUT", "data", Map.of(), "colour", "red"),
            Map.of("id", "t", "type", "TRANSFORM", "data", Map.of("expression", "1 +"))));
    badFile.put("edges", List.of(Map.of("source", "in", "target", "ghost")));
    Answer refused =
        gateway.call("POST", "/api/workflows/import").token(me.token()).json(badFile).send();
    assertProblem(refused, 400, "GRAPH_INVALID");
    List<String> fields = new ArrayList<>();
    refused.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
    assertThat(fields)
        .as("%s", refused)
        .contains(
            "formatVersion",
            "ownerId",
            "nodes[0].colour",
            "nodes[1].data.expression",
            "edges[0].target");
    assertProblem(
        gateway.call("POST", "/api/workflows/import").token(me.token()).json(List.of()).send(),
        400,
        null);
    assertProblem(
        gateway
            .call("POST", "/api/workflows/import")
            .token(me.token())
            .raw("{\"formatVersion\": 1, ", "application/json")
            .send(),
        400,
        null);
    assertThat(gateway.get("/api/workflows?q=" + name.replace(" ", "%20"), me.token()).body())
        .contains("\"total\":0");
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
