package io.agentic.workflow.crud;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.workflow.Api;
import io.agentic.workflow.Api.Answer;
import io.agentic.workflow.TestTokens;
import io.agentic.workflow.WorkflowBodies;
import io.agentic.workflow.WorkflowServiceTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@WorkflowServiceTest
class WorkflowListIT {

  @LocalServerPort int port;

  Api api;
  String alice;
  String aliceToken;
  String bob;
  String bobToken;
  String tag;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    alice = TestTokens.newUserId();
    aliceToken = TestTokens.user(alice);
    bob = TestTokens.newUserId();
    bobToken = TestTokens.user(bob);
    tag = "t-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String create(String token, String name, String description, String status) {
    Answer created =
        api.post(
            "/api/workflows",
            token,
            WorkflowBodies.minimal(name, description, List.of(tag, "common"), status));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.body().path("id").asString();
  }

  private Answer list(String token, String query) {
    Answer answer = api.get("/api/workflows?tag=" + tag + query, token);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer;
  }

  private static List<String> names(Answer page) {
    return page.body().path("items").valueStream().map(w -> w.path("name").asString()).toList();
  }

  @Test
  void listsOnlyWhatTheCallerMaySeeNewestFirstWithHonestTotals() {
    // given three workflows of alice's and two of bob's, one of which is public
    create(aliceToken, "a1", "", null);
    create(aliceToken, "a2", "", null);
    create(aliceToken, "a3", "", null);
    create(bobToken, "b-private", "", null);
    String bobsPublic = create(bobToken, "b-public", "", null);
    api.put("/api/workflows/" + bobsPublic + "/permissions", bobToken, Map.of("isPublic", true));

    // when alice lists the tag, two at a time
    Answer first = list(aliceToken, "&size=2");
    Answer second = list(aliceToken, "&size=2&page=1");
    Answer third = list(aliceToken, "&size=2&page=2");

    // then she sees her own three and bob's public one, newest change first
    assertThat(first.body().path("total").asInt()).isEqualTo(4);
    assertThat(first.body().path("page").asInt()).isZero();
    assertThat(first.body().path("size").asInt()).isEqualTo(2);
    assertThat(names(first)).containsExactly("b-public", "a3");
    assertThat(names(second)).containsExactly("a2", "a1");
    assertThat(names(third)).isEmpty();
    assertThat(third.body().path("total").asInt()).isEqualTo(4);

    // and bob sees his two only, an admin all five
    assertThat(list(bobToken, "").body().path("total").asInt()).isEqualTo(2);
    assertThat(list(TestTokens.admin(TestTokens.newUserId()), "").body().path("total").asInt())
        .isEqualTo(5);
  }

  @Test
  void searchesNameAndDescriptionLiterallyIgnoringCase() {
    create(aliceToken, "Daily (a.b) report", "", null);
    create(aliceToken, "Other", "mentions DAILY (A.B) here", null);
    create(aliceToken, "Daily axb report", "", null);
    create(aliceToken, "Unrelated", "", null);

    Answer found = list(aliceToken, "&q=daily%20(a.b)");

    assertThat(found.body().path("total").asInt()).isEqualTo(2);
    assertThat(names(found)).containsExactlyInAnyOrder("Daily (a.b) report", "Other");
    assertThat(list(aliceToken, "&q=.*").body().path("total").asInt()).isZero();
    assertThat(list(aliceToken, "&q=" + "x".repeat(300)).body().path("total").asInt()).isZero();
  }

  @Test
  void filtersByStatusAndTag() {
    create(aliceToken, "live", "", null);
    create(aliceToken, "old", "", "archived");

    assertThat(names(list(aliceToken, "&status=archived"))).containsExactly("old");
    assertThat(names(list(aliceToken, "&status=active"))).containsExactly("live");
    Answer otherTag = api.get("/api/workflows?tag=" + tag + "-nope", aliceToken);
    assertThat(otherTag.body().path("total").asInt()).isZero();
  }

  @Test
  void showsViewerRoleUsersOnlyWhatListsThemAsViewersOrIsPublic() {
    String dave = TestTokens.newUserId();
    String asViewer = create(aliceToken, "as-viewer", "", null);
    String asEditor = create(aliceToken, "as-editor", "", null);
    create(aliceToken, "not-shared", "", null);
    api.put(
        "/api/workflows/" + asViewer + "/permissions",
        aliceToken,
        Map.of("viewers", List.of(dave)));
    api.put(
        "/api/workflows/" + asEditor + "/permissions",
        aliceToken,
        Map.of("editors", List.of(dave)));

    Answer seen = list(TestTokens.viewer(dave), "");

    assertThat(names(seen)).containsExactly("as-viewer");
    assertThat(seen.body().path("total").asInt()).isEqualTo(1);
  }

  @Test
  void rejectsBadPaging() {
    for (String query : List.of("size=101", "size=0", "page=-1", "status=deleted", "page=x")) {
      Answer answer = api.get("/api/workflows?" + query, aliceToken);
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.code()).as(query).isNotBlank();
    }
    assertThat(
            api.get("/api/workflows?size=101", aliceToken)
                .body()
                .path("errors")
                .get(0)
                .path("field")
                .asString())
        .isEqualTo("size");
    assertThat(api.get("/api/workflows?size=100", aliceToken).status()).isEqualTo(200);
  }
}
