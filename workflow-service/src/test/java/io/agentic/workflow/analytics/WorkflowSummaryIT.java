package io.agentic.workflow.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.workflow.Api;
import io.agentic.workflow.Api.Answer;
import io.agentic.workflow.TestTokens;
import io.agentic.workflow.WorkflowServiceTest;
import io.agentic.workflow.store.Permissions;
import io.agentic.workflow.store.WorkflowDocument;
import io.agentic.workflow.store.WorkflowStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The admin summary, computed by aggregations that the test MongoDB-wire server runs too. */
@WorkflowServiceTest
class WorkflowSummaryIT {

  static final int MINE = 100;
  static final int ARCHIVED = 30;

  @LocalServerPort int port;
  @Autowired WorkflowStore store;

  Api api;
  String owner;
  String tag;
  List<WorkflowDocument> inserted = new ArrayList<>();

  @BeforeEach
  void setUp() {
    api = new Api(port);
    owner = TestTokens.newUserId();
    tag = "t-" + UUID.randomUUID();
  }

  /** Many workflows of one owner with one tag, the newest changed last; one of them deleted. */
  private void givenManyWorkflowsOfOneOwner() {
    Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(1);
    for (int i = 0; i <= MINE; i++) {
      boolean deleted = i == MINE;
      WorkflowDocument w =
          new WorkflowDocument(
              UUID.randomUUID().toString(),
              "summary-" + i,
              "",
              "{}",
              List.of(tag, "shared-tag"),
              false,
              i < ARCHIVED ? WorkflowDocument.ARCHIVED : WorkflowDocument.ACTIVE,
              1 + i % 3,
              owner,
              Permissions.ownedBy(owner),
              base,
              deleted ? base.minusSeconds(60) : base.plusMillis(i),
              owner,
              deleted,
              1,
              null,
              null);
      store.insert(w);
      inserted.add(w);
    }
  }

  @Test
  void countsWorkflowsByStatusTagAndOwnerAndListsTheLatestChanges() {
    givenManyWorkflowsOfOneOwner();

    Answer summary =
        api.get("/api/workflows/analytics/summary", TestTokens.admin(TestTokens.newUserId()));

    assertThat(summary.status()).as(summary.toString()).isEqualTo(200);
    JsonNode s = summary.body();
    assertThat(s.path("total").asLong()).isGreaterThanOrEqualTo(MINE);
    assertThat(s.path("byStatus").path("archived").asLong()).isGreaterThanOrEqualTo(ARCHIVED);
    assertThat(s.path("byStatus").path("active").asLong()).isGreaterThanOrEqualTo(MINE - ARCHIVED);
    assertThat(s.path("total").asLong())
        .isEqualTo(
            s.path("byStatus").path("archived").asLong()
                + s.path("byStatus").path("active").asLong());

    JsonNode byTag = s.path("byTag");
    assertThat(byTag.size()).isLessThanOrEqualTo(20);
    assertThat(byTag.valueStream().filter(t -> t.path("tag").asString().equals(tag)))
        .singleElement()
        .satisfies(t -> assertThat(t.path("count").asLong()).isEqualTo(MINE));
    assertDescendingCounts(byTag);

    JsonNode byOwner = s.path("byOwner");
    assertThat(byOwner.size()).isLessThanOrEqualTo(20);
    assertThat(byOwner.get(0).path("ownerId").asString()).isEqualTo(owner);
    assertThat(byOwner.get(0).path("count").asLong()).isEqualTo(MINE);
    assertDescendingCounts(byOwner);

    JsonNode recent = s.path("recentlyChanged");
    assertThat(recent.size()).isEqualTo(10);
    WorkflowDocument newest = inserted.get(MINE - 1);
    assertThat(recent.get(0).path("id").asString()).isEqualTo(newest.id());
    assertThat(recent.get(0).path("name").asString()).isEqualTo(newest.name());
    assertThat(recent.get(0).path("version").asInt()).isEqualTo(newest.version());
    assertThat(Instant.parse(recent.get(0).path("updatedAt").asString()))
        .isEqualTo(newest.updatedAt());
    assertThat(recent.get(9).path("id").asString()).isEqualTo(inserted.get(MINE - 10).id());
    assertThat(recent.get(0).has("graph")).isFalse();
  }

  private static void assertDescendingCounts(JsonNode rows) {
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i).path("count").asLong())
          .isLessThanOrEqualTo(rows.get(i - 1).path("count").asLong());
    }
  }

  @Test
  void isForAdminsOnly() {
    String path = "/api/workflows/analytics/summary";

    assertThat(api.get(path, TestTokens.user(TestTokens.newUserId())).status()).isEqualTo(403);
    assertThat(api.get(path, TestTokens.viewer(TestTokens.newUserId())).status()).isEqualTo(403);
    assertThat(api.get(path, null).status()).isEqualTo(401);
  }
}
