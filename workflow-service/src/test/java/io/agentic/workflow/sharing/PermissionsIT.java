package io.agentic.workflow.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.workflow.Api;
import io.agentic.workflow.Api.Answer;
import io.agentic.workflow.TestTokens;
import io.agentic.workflow.WorkflowBodies;
import io.agentic.workflow.WorkflowServiceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@WorkflowServiceTest
class PermissionsIT {

  @LocalServerPort int port;

  Api api;
  String alice;
  String aliceToken;
  String bob;
  String bobToken;
  String carol;
  String carolToken;
  String id;
  String path;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    alice = TestTokens.newUserId();
    aliceToken = TestTokens.user(alice);
    bob = TestTokens.newUserId();
    bobToken = TestTokens.user(bob);
    carol = TestTokens.newUserId();
    carolToken = TestTokens.user(carol);
    id =
        api.post("/api/workflows", aliceToken, WorkflowBodies.minimal("shared"))
            .body()
            .path("id")
            .asString();
    path = "/api/workflows/" + id;
  }

  private Answer share(String token, Map<String, Object> body) {
    return api.put(path + "/permissions", token, body);
  }

  private static List<String> ids(JsonNode list) {
    return list.valueStream().map(JsonNode::asString).toList();
  }

  @Test
  void letsOwnersShareWithEditorsAndViewers() {
    Answer shared = share(aliceToken, Map.of("editors", List.of(bob), "viewers", List.of(carol)));

    assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
    JsonNode p = shared.body().path("permissions");
    assertThat(ids(p.path("owners"))).containsExactly(alice);
    assertThat(ids(p.path("editors"))).containsExactly(bob);
    assertThat(ids(p.path("viewers"))).containsExactly(carol);
    assertThat(shared.body().path("version").asInt()).isEqualTo(1);
    assertThat(api.get(path, aliceToken).body().path("permissions")).isEqualTo(p);
  }

  @Test
  void letsEditorsChangeTheGraphButNotDeleteShareOrPublish() {
    share(aliceToken, Map.of("editors", List.of(bob)));

    assertThat(api.get(path, bobToken).status()).isEqualTo(200);
    Answer saved = api.put(path, bobToken, WorkflowBodies.minimal("edited by bob"));
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.body().path("version").asInt()).isEqualTo(2);

    Map<String, Object> makePublic = WorkflowBodies.minimal("public now");
    makePublic.put("isPublic", true);
    assertForbidden(api.put(path, bobToken, makePublic));
    assertForbidden(api.delete(path, bobToken));
    assertForbidden(share(bobToken, Map.of("editors", List.of(bob, carol))));
    assertThat(api.get(path, aliceToken).body().path("permissions").path("editors").size())
        .isEqualTo(1);
  }

  @Test
  void letsViewersReadButNotChange() {
    share(aliceToken, Map.of("viewers", List.of(carol)));

    assertThat(api.get(path, carolToken).status()).isEqualTo(200);
    assertThat(api.get(path + "/versions", carolToken).status()).isEqualTo(200);
    assertThat(api.get(path + "/versions/1", carolToken).status()).isEqualTo(200);
    assertForbidden(api.put(path, carolToken, WorkflowBodies.minimal("no")));
    assertForbidden(api.delete(path, carolToken));
    assertForbidden(share(carolToken, Map.of("viewers", List.of())));
  }

  @Test
  void letsViewerRoleUsersReadOnlyAsViewersAndNeverChange() {
    String dave = TestTokens.newUserId();
    String daveToken = TestTokens.viewer(dave);

    share(aliceToken, Map.of("owners", List.of(alice, dave)));
    assertThat(api.get(path, daveToken).status()).isEqualTo(404);

    share(aliceToken, Map.of("viewers", List.of(dave)));
    assertThat(api.get(path, daveToken).status()).isEqualTo(200);
    assertForbidden(api.put(path, daveToken, WorkflowBodies.minimal("no")));
    assertForbidden(api.delete(path, daveToken));
  }

  @Test
  void showsPublicWorkflowsToEveryoneButLetsOnlyOwnersChangeThem() {
    Answer published = share(aliceToken, Map.of("isPublic", true));
    assertThat(published.body().path("isPublic").asBoolean()).isTrue();
    String stranger = TestTokens.user(TestTokens.newUserId());

    assertThat(api.get(path, stranger).status()).isEqualTo(200);
    assertThat(api.get(path, TestTokens.viewer(TestTokens.newUserId())).status()).isEqualTo(200);
    assertForbidden(api.put(path, stranger, WorkflowBodies.minimal("no")));
    assertForbidden(api.delete(path, stranger));
    assertForbidden(share(stranger, Map.of("isPublic", false)));
  }

  @Test
  void keepsAtLeastOneOwnerAndRejectsBadIds() {
    Answer empty = share(aliceToken, Map.of("owners", List.of()));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body().path("errors").get(0).path("field").asString()).isEqualTo("owners");

    Answer demoted = share(aliceToken, Map.of("viewers", List.of(alice)));
    assertThat(demoted.status()).isEqualTo(400);

    Answer blank = share(aliceToken, Map.of("editors", List.of("", "x".repeat(129))));
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(blank.body().path("errors").size()).isEqualTo(2);

    Answer malformed = share(aliceToken, Map.of("editors", "bob"));
    assertThat(malformed.status()).isEqualTo(400);

    assertThat(ids(api.get(path, aliceToken).body().path("permissions").path("owners")))
        .containsExactly(alice);
  }

  @Test
  void movesAUserToTheRoleTheyAreNamedFor() {
    share(aliceToken, Map.of("editors", List.of(bob, carol)));

    Answer demoted = share(aliceToken, Map.of("viewers", List.of(bob)));

    JsonNode p = demoted.body().path("permissions");
    assertThat(ids(p.path("editors"))).containsExactly(carol);
    assertThat(ids(p.path("viewers"))).containsExactly(bob);
  }

  @Test
  void letsOwnersHandOverOwnershipAndAdminsShareAnything() {
    Answer handedOver = share(aliceToken, Map.of("owners", List.of(bob)));
    assertThat(ids(handedOver.body().path("permissions").path("owners"))).containsExactly(bob);
    assertThat(handedOver.body().path("ownerId").asString()).isEqualTo(alice);
    assertThat(api.get(path, aliceToken).status()).isEqualTo(404);
    assertThat(api.delete(path, bobToken).status()).isEqualTo(204);

    String other =
        api.post("/api/workflows", aliceToken, WorkflowBodies.minimal("x"))
            .body()
            .path("id")
            .asString();
    Answer byAdmin =
        api.put(
            "/api/workflows/" + other + "/permissions",
            TestTokens.admin(TestTokens.newUserId()),
            Map.of("viewers", List.of(carol)));
    assertThat(byAdmin.status()).isEqualTo(200);
    assertThat(api.get("/api/workflows/" + other, carolToken).status()).isEqualTo(200);
  }

  private static void assertForbidden(Answer answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
    assertThat(answer.code()).isEqualTo("FORBIDDEN");
  }
}
