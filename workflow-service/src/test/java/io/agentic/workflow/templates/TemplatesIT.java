package io.agentic.workflow.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.workflow.Api;
import io.agentic.workflow.Api.Answer;
import io.agentic.workflow.TestTokens;
import io.agentic.workflow.WorkflowServiceTest;
import io.agentic.workflow.store.WorkflowDocument;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

@WorkflowServiceTest
class TemplatesIT {

  @LocalServerPort int port;
  @Autowired MongoTemplate mongo;

  Api api;
  String alice;
  String aliceToken;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    alice = TestTokens.newUserId();
    aliceToken = TestTokens.user(alice);
  }

  /** What the user owns in MongoDB, public workflows of others aside. */
  private long workflowsOf(String ownerId) {
    return mongo.count(Query.query(Criteria.where("ownerId").is(ownerId)), WorkflowDocument.class);
  }

  @Test
  void listsTheTemplatesWithTheirNodeTypesAndInputs() {
    Answer list = api.get("/api/templates?size=100", TestTokens.viewer(TestTokens.newUserId()));

    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    JsonNode items = list.body().path("items");
    assertThat(items.size()).isGreaterThanOrEqualTo(8);
    assertThat(list.body().path("total").asInt()).isEqualTo(items.size());
    Set<String> nodeTypes = new HashSet<>();
    for (JsonNode t : items) {
      assertThat(t.path("id").asString()).isNotBlank();
      assertThat(t.path("name").asString()).isNotBlank();
      assertThat(t.path("description").asString()).isNotBlank();
      assertThat(t.path("category").asString()).isNotBlank();
      assertThat(t.path("tags").isArray()).isTrue();
      assertThat(t.path("inputs").get(0).path("type").asString()).isNotBlank();
      assertThat(t.has("nodes")).isFalse();
      t.path("nodeTypes").forEach(type -> nodeTypes.add(type.asString()));
    }
    assertThat(nodeTypes)
        .containsExactlyInAnyOrder(
            "INPUT",
            "AI_PROCESSOR",
            "HTTP_REQUEST",
            "DATABASE",
            "TRANSFORM",
            "CONDITION",
            "DELAY",
            "SUB_WORKFLOW",
            "LOOP",
            "OUTPUT");
  }

  @Test
  void filtersAndPagesTheList() {
    Answer support = api.get("/api/templates?category=support", aliceToken);
    Answer page = api.get("/api/templates?size=3&page=1", aliceToken);

    assertThat(support.body().path("items").valueStream().map(t -> t.path("category").asString()))
        .isNotEmpty()
        .allMatch("support"::equals);
    assertThat(page.body().path("items").size()).isEqualTo(3);
    assertThat(page.body().path("page").asInt()).isEqualTo(1);
    assertThat(api.get("/api/templates?size=101", aliceToken).status()).isEqualTo(400);
    assertThat(api.get("/api/templates?tag=no-such-tag", aliceToken).body().path("total").asInt())
        .isZero();
  }

  @Test
  void needsAToken() {
    assertThat(api.get("/api/templates", null).status()).isEqualTo(401);
    assertThat(api.post("/api/templates/blog-content-pipeline/instantiate", null, "{}").status())
        .isEqualTo(401);
  }

  @Test
  void showsOneTemplateWithItsGraph() {
    Answer one = api.get("/api/templates/support-ticket-triage", aliceToken);

    assertThat(one.status()).isEqualTo(200);
    assertThat(one.body().path("nodes").size()).isGreaterThan(3);
    assertThat(one.body().path("edges").size()).isGreaterThan(3);
    assertThat(one.body().path("requires").isEmpty()).isTrue();
    assertThat(api.get("/api/templates/no-such-template", aliceToken).status()).isEqualTo(404);
  }

  @Test
  void instantiatesEveryTemplateAsAWorkflowOfTheCaller() {
    for (JsonNode summary : api.get("/api/templates?size=100", aliceToken).body().path("items")) {
      String templateId = summary.path("id").asString();
      JsonNode template = api.get("/api/templates/" + templateId, aliceToken).body();

      Answer created = api.post("/api/templates/" + templateId + "/instantiate", aliceToken, "");

      assertThat(created.status()).as(templateId + ": " + created).isEqualTo(201);
      JsonNode w = created.body();
      assertThat(created.header("Location")).isEqualTo("/api/workflows/" + w.path("id").asString());
      assertThat(created.header("ETag")).isEqualTo("\"1\"");
      assertThat(w.path("name").asString()).isEqualTo(template.path("name").asString());
      assertThat(w.path("ownerId").asString()).isEqualTo(alice);
      assertThat(w.path("version").asInt()).isEqualTo(1);
      assertThat(w.path("isPublic").asBoolean()).isFalse();
      assertThat(w.path("tags")).isEqualTo(template.path("tags"));
      assertThat(w.path("nodes").size()).isEqualTo(template.path("nodes").size());
      assertThat(w.path("edges")).isEqualTo(template.path("edges"));
      Answer read = api.get("/api/workflows/" + w.path("id").asString(), aliceToken);
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.body()).isEqualTo(w);
    }
  }

  @Test
  void createsTheTemplatesABatchTemplateRunsAndReferencesThemByTheirNewIds() {
    // when the batch template is instantiated under a name of the caller's choice
    Answer created =
        api.post(
            "/api/templates/newsletter-digest/instantiate",
            aliceToken,
            Map.of("name", "Weekly digest"));

    // then the workflow and the two it runs belong to alice
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.body().path("name").asString()).isEqualTo("Weekly digest");
    assertThat(workflowsOf(alice)).isEqualTo(3);
    String loopChild = dataOf(created.body(), "each").path("workflowId").asString();
    String subChild = dataOf(created.body(), "digest").path("workflowId").asString();
    assertThat(List.of(loopChild, subChild))
        .doesNotHaveDuplicates()
        .noneMatch(id -> id.startsWith("template:"));

    Answer loopBody = api.get("/api/workflows/" + loopChild, aliceToken);
    assertThat(loopBody.status()).isEqualTo(200);
    assertThat(loopBody.body().path("ownerId").asString()).isEqualTo(alice);
    assertThat(loopBody.body().path("name").asString())
        .isEqualTo("Summarise one article (for Weekly digest)");
    Answer summariser = api.get("/api/workflows/" + subChild, aliceToken);
    assertThat(summariser.body().path("name").asString())
        .isEqualTo("Long document summariser (for Weekly digest)");
    assertThat(dataOf(created.body(), "digest").path("inputs").path("document").asString())
        .isEqualTo("nodes.joined.output");
  }

  private static JsonNode dataOf(JsonNode workflow, String nodeId) {
    return workflow
        .path("nodes")
        .valueStream()
        .filter(n -> n.path("id").asString().equals(nodeId))
        .findFirst()
        .orElseThrow()
        .path("data");
  }

  @Test
  void keepsWorkflowsMadeFromTemplatesPrivate() {
    String id =
        api.post("/api/templates/lead-capture/instantiate", aliceToken, "")
            .body()
            .path("id")
            .asString();

    Answer other = api.get("/api/workflows/" + id, TestTokens.user(TestTokens.newUserId()));

    assertThat(other.status()).isEqualTo(404);
  }

  @Test
  void refusesViewersUnknownTemplatesAndBadNamesWithoutCreatingAnything() {
    String viewerToken = TestTokens.viewer(TestTokens.newUserId());

    Answer viewer = api.post("/api/templates/blog-content-pipeline/instantiate", viewerToken, "");
    Answer unknown = api.post("/api/templates/no-such-template/instantiate", aliceToken, "");
    Answer blank =
        api.post("/api/templates/newsletter-digest/instantiate", aliceToken, Map.of("name", " "));
    Answer tooLong =
        api.post(
            "/api/templates/newsletter-digest/instantiate",
            aliceToken,
            Map.of("name", "x".repeat(201)));
    Answer notJson =
        api.post("/api/templates/newsletter-digest/instantiate", aliceToken, "{\"name\": ");

    assertThat(viewer.status()).isEqualTo(403);
    assertThat(viewer.code()).isEqualTo("FORBIDDEN");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("NOT_FOUND");
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.body().path("errors").get(0).path("field").asString()).isEqualTo("name");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(workflowsOf(alice)).isZero();
  }
}
