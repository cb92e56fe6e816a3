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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/workflows} through the gateway: filters by tag, status and text, paging with a
 * total, newest change first, the size cap, and only what the caller may see; and the admins'
 * {@code GET /api/workflows/analytics/summary}. Other tests' public workflows are visible to
 * everyone, so each test lists through a tag of its own.
 */
class WorkflowListsIT {

  private final Client gateway = SuiteAccess.client();

  @Test
  void filtersByTagStatusAndTextNewestChangeFirst() {
    // given three workflows under a tag of this test, one archived, changed in this order
    Session me = gateway.newUser();
    String tag = "t" + WorkflowsIT.shortId();
    String alpha = create(me, "Alpha " + tag, "", List.of(tag, tag + "-a"), "active");
    String beta = create(me, "Beta " + tag, "has a NEEDLE inside", List.of(tag), "active");
    String gamma = create(me, "Gamma " + tag, "", List.of(tag), "archived");

    // then the newest change comes first, and after a change to alpha, alpha does
    assertThat(ids(list("?tag=" + tag, me))).containsExactly(gamma, beta, alpha);
    Answer changed =
        gateway.put(
            "/api/workflows/" + alpha,
            body("Alpha " + tag, "", List.of(tag, tag + "-a"), "active"),
            me.token());
    assertThat(changed.status()).as("%s", changed).isEqualTo(200);
    JsonNode all = list("?tag=" + tag, me);
    assertThat(ids(all)).containsExactly(alpha, gamma, beta);
    assertThat(all.path("total").asLong()).isEqualTo(3);
    assertThat(all.path("page").asInt()).isZero();
    assertThat(all.path("size").asInt()).isEqualTo(20);

    // and each filter narrows it, alone or together
    assertThat(ids(list("?tag=" + tag + "-a", me))).containsExactly(alpha);
    assertThat(ids(list("?tag=" + tag + "&status=archived", me))).containsExactly(gamma);
    assertThat(ids(list("?tag=" + tag + "&status=active", me))).containsExactly(alpha, beta);
    assertThat(ids(list("?tag=" + tag + "&q=needle", me))).containsExactly(beta);
    assertThat(ids(list("?q=gamma%20" + tag.toUpperCase(), me))).containsExactly(gamma);
    assertThat(ids(list("?tag=" + tag + "&q=beta&status=archived", me))).isEmpty();
    // q is text, not a pattern
    assertThat(list("?tag=" + tag + "&q=.*", me).path("total").asLong()).isZero();
  }

  @Test
  void pagesWithATotalAndCapsTheSizeAtOneHundred() {
    Session me = gateway.newUser();
    String tag = "p" + WorkflowsIT.shortId();
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.addFirst(create(me, "page " + i, "", List.of(tag), "active"));
    }

    List<String> seen = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      JsonNode slice = list("?tag=" + tag + "&size=2&page=" + page, me);
      assertThat(slice.path("total").asLong()).isEqualTo(5);
      assertThat(slice.path("page").asInt()).isEqualTo(page);
      assertThat(slice.path("size").asInt()).isEqualTo(2);
      seen.addAll(ids(slice));
    }
    assertThat(seen).isEqualTo(made);
    JsonNode beyond = list("?tag=" + tag + "&size=2&page=3", me);
    assertThat(beyond.path("items").size()).isZero();
    assertThat(beyond.path("total").asLong()).isEqualTo(5);

    assertThat(ids(list("?tag=" + tag + "&size=100", me))).isEqualTo(made);
    for (String bad : List.of("size=101", "size=0", "page=-1", "status=deleted", "size=many")) {
      Answer refused = gateway.get("/api/workflows?" + bad, me.token());
      assertThat(refused.status()).as("%s: %s", bad, refused).isEqualTo(400);
      assertProblem(refused, 400, null);
    }
    Answer tooBig = gateway.get("/api/workflows?size=101", me.token());
    assertProblem(tooBig, 400, "VALIDATION_FAILED");
    assertThat(tooBig.json().path("errors").toString()).contains("size");
  }

  @Test
  void listsOnlyWhatTheCallerMaySee() {
    Session owner = gateway.newUser();
    Session viewer = gateway.newUser();
    Session stranger = gateway.newUser();
    String tag = "v" + WorkflowsIT.shortId();
    String shared = create(owner, "shared", "", List.of(tag), "active");
    String published = create(owner, "published", "", List.of(tag), "active");
    create(owner, "private", "", List.of(tag), "active");
    assertThat(list("?tag=" + tag, stranger).path("total").asLong()).isZero();

    share(owner, shared, Map.of("viewers", List.of(viewer.userId())));
    share(owner, published, Map.of("isPublic", true));

    assertThat(ids(list("?tag=" + tag, owner))).hasSize(3);
    assertThat(ids(list("?tag=" + tag, viewer))).containsExactlyInAnyOrder(shared, published);
    assertThat(ids(list("?tag=" + tag, stranger))).containsExactly(published);
    assertThat(list("?tag=" + tag, stranger).path("total").asLong()).isEqualTo(1);
    // an admin sees every workflow
    JsonNode admin = list("?tag=" + tag, gateway.adminToken());
    assertThat(admin.path("total").asLong()).isEqualTo(3);
  }

  @Test
  void summarisesEveryWorkflowForAdminsOnly() {
    Session me = gateway.newUser();
    String admin = gateway.adminToken();
    String tag = "s" + WorkflowsIT.shortId();
    assertProblem(gateway.get("/api/workflows/analytics/summary", me.token()), 403, null);
    JsonNode before = summary(admin);

    String active = create(me, "summarised active", "", List.of(tag), "active");
    String archived = create(me, "summarised archived", "", List.of(tag), "archived");
    JsonNode after = summary(admin);

    assertThat(after.path("total").asLong())
        .isGreaterThanOrEqualTo(before.path("total").asLong() + 2);
    assertThat(after.path("byStatus").path("archived").asLong())
        .isGreaterThanOrEqualTo(before.path("byStatus").path("archived").asLong() + 1);
    assertThat(after.path("byStatus").path("active").asLong())
        .isGreaterThanOrEqualTo(before.path("byStatus").path("active").asLong() + 1);
    List<String> recent = new ArrayList<>();
    after.path("recentlyChanged").forEach(r -> recent.add(r.path("id").asString()));
    assertThat(recent).startsWith(archived, active);
    JsonNode newest = after.path("recentlyChanged").get(0);
    assertThat(newest.path("name").asString()).isEqualTo("summarised archived");
    assertThat(newest.path("version").asInt()).isEqualTo(1);
    assertThat(after.path("byTag").isArray()).isTrue();
    assertThat(after.path("byOwner").isArray()).isTrue();
    assertThat(after.path("generatedAt").asString()).isNotBlank();
  }

  private JsonNode summary(String adminToken) {
    Answer answer = gateway.get("/api/workflows/analytics/summary", adminToken);
    assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    return answer.json();
  }

  private JsonNode list(String query, Session session) {
    return list(query, session.token());
  }

  private JsonNode list(String query, String token) {
    Answer answer = gateway.get("/api/workflows" + query, token);
    assertThat(answer.status()).as("%s: %s", query, answer).isEqualTo(200);
    return answer.json();
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("items").forEach(item -> ids.add(item.path("id").asString()));
    return ids;
  }

  private String create(
      Session owner, String name, String description, List<String> tags, String status) {
    Answer created =
        gateway.post("/api/workflows", body(name, description, tags, status), owner.token());
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return created.json().path("id").asString();
  }

  private void share(Session owner, String id, Map<String, Object> change) {
    Answer answer = gateway.put("/api/workflows/" + id + "/permissions", change, owner.token());
    assertThat(answer.status()).as("%s", answer).isEqualTo(200);
  }

  private static Map<String, Object> body(
      String name, String description, List<String> tags, String status) {
    Map<String, Object> body = new LinkedHashMap<>(WorkflowsIT.workflow(name));
    body.put("description", description);
    body.put("tags", tags);
    body.put("status", status);
    return body;
  }
}
