package io.agentic.suite.identity;

import static io.agentic.suite.SuiteAccess.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.suite.SuiteAccess;
import io.agentic.suite.SuiteAccess.Answer;
import io.agentic.suite.SuiteAccess.Client;
import io.agentic.suite.SuiteAccess.Session;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Roles through the gateway: what a viewer may not do, and what an admin's changes revoke. */
class RolesIT {

  final Client client = SuiteAccess.client();

  @Test
  void aViewerReadsWhatIsSharedButCannotCreateShareOrRun() {
    String admin = client.adminToken();
    Session owner = client.newUser();
    Session viewer = client.newUser();
    assertThat(
            client
                .put(
                    "/api/auth/users/" + viewer.userId() + "/role", Map.of("role", "viewer"), admin)
                .status())
        .isEqualTo(200);
    String viewerToken =
        client.login(viewer.email(), viewer.password()).json().path("accessToken").asString();
    Answer created = client.post("/api/workflows", workflow("shared with a viewer"), owner.token());
    String id = created.json().path("id").asString();
    assertThat(
            client
                .put(
                    "/api/workflows/" + id + "/permissions",
                    Map.of("viewers", List.of(viewer.userId())),
                    owner.token())
                .status())
        .isEqualTo(200);

    assertThat(client.get("/api/workflows/" + id, viewerToken).status()).isEqualTo(200);
    assertProblem(client.post("/api/workflows", workflow("by a viewer"), viewerToken), 403, null);
    assertProblem(
        client.put("/api/workflows/" + id, workflow("changed by a viewer"), viewerToken),
        403,
        null);
    assertProblem(
        client.post("/api/executions", Map.of("workflowId", id, "inputs", Map.of()), viewerToken),
        403,
        null);
  }

  @Test
  void aRoleChangeRevokesTokensIssuedBeforeIt() {
    String admin = client.adminToken();
    Session user = client.newUser();
    assertThat(client.get("/api/workflows", user.token()).status()).isEqualTo(200);

    assertThat(
            client
                .put("/api/auth/users/" + user.userId() + "/role", Map.of("role", "viewer"), admin)
                .status())
        .isEqualTo(200);

    assertProblem(client.get("/api/workflows", user.token()), 401, null);
    assertProblem(client.get("/api/auth/me", user.token()), 401, null);
  }

  @Test
  void deletingAUserStopsTheirTokensEverywhere() {
    String admin = client.adminToken();
    Session user = client.newUser();

    assertThat(client.delete("/api/auth/users/" + user.userId(), admin).status()).isEqualTo(204);

    assertProblem(client.get("/api/workflows", user.token()), 401, null);
    assertProblem(client.get("/api/executions", user.token()), 401, null);
    assertProblem(client.login(user.email(), user.password()), 401, null);
  }

  @Test
  void aRoleChangeLeavesAKeyOnlyWhatTheNewRoleAllows() {
    // given a user's key with every scope, already used once (the gateway holds a token for it)
    String admin = client.adminToken();
    Session user = client.newUser();
    String key = newKey(user);
    assertThat(
            client
                .call("POST", "/api/workflows")
                .header("X-API-Key", key)
                .json(workflow("as a user"))
                .send()
                .status())
        .isEqualTo(201);

    // when the user becomes a viewer
    assertThat(
            client
                .put("/api/auth/users/" + user.userId() + "/role", Map.of("role", "viewer"), admin)
                .status())
        .isEqualTo(200);

    // then the key still reads, but writes no more: the gateway's token for it was revoked and
    // the next one carries the new role
    Answer read = client.call("GET", "/api/workflows").header("X-API-Key", key).send();
    assertThat(read.status()).as("%s", read).isEqualTo(200);
    assertProblem(
        client
            .call("POST", "/api/workflows")
            .header("X-API-Key", key)
            .json(workflow("as a viewer"))
            .send(),
        403,
        null);
  }

  @Test
  void deletingAUserStopsTheirApiKeysAtTheEdge() {
    // given a user's key, already used once (the gateway holds a token for it)
    String admin = client.adminToken();
    Session user = client.newUser();
    String key = newKey(user);
    assertThat(client.call("GET", "/api/workflows").header("X-API-Key", key).send().status())
        .isEqualTo(200);

    // when the user is deleted
    assertThat(client.delete("/api/auth/users/" + user.userId(), admin).status()).isEqualTo(204);

    // then the key stops at once, on every service
    for (String path : List.of("/api/workflows", "/api/executions", "/api/ai/providers")) {
      assertProblem(client.call("GET", path).header("X-API-Key", key).send(), 401, null);
    }
    assertProblem(client.get("/api/auth/me", user.token()), 401, null);
  }

  private String newKey(Session user) {
    Answer created = client.post("/api/auth/api-keys", Map.of("name", "roles"), user.token());
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return created.json().path("key").asString();
  }

  private static Map<String, Object> workflow(String name) {
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
}
