package io.agentic.workflow.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.contracts.Topics;
import io.agentic.contracts.workflow.NodeType;
import io.agentic.contracts.workflow.OnError;
import io.agentic.contracts.workflow.RetryPolicy;
import io.agentic.contracts.workflow.WorkflowAccessChanged;
import io.agentic.contracts.workflow.WorkflowChanged;
import io.agentic.contracts.workflow.WorkflowNode;
import io.agentic.contracts.workflow.WorkflowVersionSaved;
import io.agentic.workflow.Api;
import io.agentic.workflow.TestTokens;
import io.agentic.workflow.WorkflowBodies;
import io.agentic.workflow.WorkflowServiceTest;
import io.agentic.workflow.graph.Edge;
import io.agentic.workflow.graph.Node;
import io.agentic.workflow.store.GraphJson;
import io.agentic.workflow.store.Permissions;
import io.agentic.workflow.store.WorkflowDocument;
import io.agentic.workflow.store.WorkflowStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@WorkflowServiceTest
class WorkflowPublishingIT {

  @LocalServerPort int port;
  @Autowired WorkflowStore store;
  @Autowired UnpublishedChangesRelay relay;

  Api api;
  String alice;
  String aliceToken;
  TopicReader kafka;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    alice = TestTokens.newUserId();
    aliceToken = TestTokens.user(alice);
    kafka =
        new TopicReader(Topics.WORKFLOW_VERSIONS, Topics.WORKFLOW_ACCESS, Topics.WORKFLOW_EVENTS);
  }

  @AfterEach
  void tearDown() {
    kafka.close();
  }

  @Test
  void publishesEachSavedVersionAndTheAccessThatGoesWithIt() {
    // when a workflow is created
    String id =
        api.post("/api/workflows", aliceToken, WorkflowBodies.fixture("every-node-type"))
            .body()
            .path("id")
            .asString();

    // then version 1 is on Kafka, mapped to the engine's records
    WorkflowVersionSaved v1 =
        kafka.awaitValue(
            Topics.WORKFLOW_VERSIONS, id + ":1", WorkflowVersionSaved.class, v -> true);
    assertThat(v1.workflowId()).isEqualTo(id);
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v1.ownerId()).isEqualTo(alice);
    assertThat(v1.savedBy()).isEqualTo(alice);
    assertThat(v1.name()).isEqualTo("Every node type");
    assertThat(v1.nodes()).hasSize(14);
    WorkflowNode write = v1.nodes().get(1);
    assertThat(write.type()).isEqualTo(NodeType.AI_PROCESSOR);
    assertThat(write.onError()).isEqualTo(OnError.BRANCH);
    assertThat(write.retry()).isEqualTo(new RetryPolicy(3, 1000));
    assertThat(write.timeoutMs()).isEqualTo(60000L);
    assertThat(write.data()).containsEntry("taskType", "content_generation");
    assertThat(v1.nodes().getFirst().onError()).isNull();
    assertThat(v1.edges()).hasSize(13);
    assertThat(v1.edges().get(2).sourceHandle()).isEqualTo("error");

    // and so is who may use it
    WorkflowAccessChanged access =
        kafka.awaitValue(Topics.WORKFLOW_ACCESS, id, WorkflowAccessChanged.class, a -> true);
    assertThat(access.owners()).containsExactly(alice);
    assertThat(access.editors()).isEmpty();
    assertThat(access.latestVersion()).isEqualTo(1);
    assertThat(access.status()).isEqualTo("active");
    assertThat(access.deleted()).isFalse();
    assertThat(access.isPublic()).isFalse();
    assertThat(
            kafka.awaitValue(Topics.WORKFLOW_EVENTS, id, WorkflowChanged.class, e -> true).change())
        .isEqualTo("created");

    // when it is replaced, shared and deleted
    api.put("/api/workflows/" + id, aliceToken, WorkflowBodies.minimal("second"));
    String bob = TestTokens.newUserId();
    api.put(
        "/api/workflows/" + id + "/permissions",
        aliceToken,
        Map.of("editors", List.of(bob), "isPublic", true));
    WorkflowVersionSaved v2 =
        kafka.awaitValue(
            Topics.WORKFLOW_VERSIONS, id + ":2", WorkflowVersionSaved.class, v -> true);
    assertThat(v2.name()).isEqualTo("second");
    assertThat(v2.nodes())
        .extracting(WorkflowNode::type)
        .containsExactly(NodeType.INPUT, NodeType.OUTPUT);
    WorkflowAccessChanged shared =
        kafka.awaitValue(
            Topics.WORKFLOW_ACCESS, id, WorkflowAccessChanged.class, a -> !a.editors().isEmpty());
    assertThat(shared.editors()).containsExactly(bob);
    assertThat(shared.isPublic()).isTrue();
    assertThat(shared.latestVersion()).isEqualTo(2);

    assertThat(api.delete("/api/workflows/" + id, aliceToken).status()).isEqualTo(204);

    // then the last word on its access is that it is deleted, and every change was announced
    WorkflowAccessChanged deleted =
        kafka.awaitValue(Topics.WORKFLOW_ACCESS, id, WorkflowAccessChanged.class, a -> a.deleted());
    assertThat(deleted.latestVersion()).isEqualTo(2);
    List<WorkflowAccessChanged> all =
        kafka.values(Topics.WORKFLOW_ACCESS, id, WorkflowAccessChanged.class);
    assertThat(all.getLast().deleted()).isTrue();
    kafka.awaitValue(
        Topics.WORKFLOW_EVENTS, id, WorkflowChanged.class, e -> e.change().equals("deleted"));
    assertThat(kafka.values(Topics.WORKFLOW_EVENTS, id, WorkflowChanged.class))
        .extracting(WorkflowChanged::change)
        .containsExactly("created", "updated", "shared", "deleted");
    assertThat(kafka.values(Topics.WORKFLOW_EVENTS, id, WorkflowChanged.class))
        .extracting(WorkflowChanged::actorId)
        .containsOnly(alice);
  }

  @Test
  void publishesVersionsBeforeAnsweringTheSave() {
    String id =
        api.post("/api/workflows", aliceToken, WorkflowBodies.minimal("ack"))
            .body()
            .path("id")
            .asString();

    // The broker acknowledged before the answer: the record is readable right away.
    assertThat(
            kafka.awaitValue(
                Topics.WORKFLOW_VERSIONS, id + ":1", WorkflowVersionSaved.class, v -> true))
        .isNotNull();
    assertThat(store.findAny(id).orElseThrow().pendingToken()).isNull();
    assertThat(store.findAny(id).orElseThrow().announcedVersion()).isEqualTo(1);
  }

  @Test
  void relaysChangesThatWereSavedButNeverPublished() {
    // given a workflow whose save stopped right after its first write (no version, no publish)
    String id = UUID.randomUUID().toString();
    Instant longAgo = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
    List<Node> nodes =
        List.of(
            new Node("in", "INPUT", null, null, Map.of(), null, null, null),
            new Node("out", "OUTPUT", null, null, Map.of("value", "inputs"), null, null, null));
    store.insert(
        new WorkflowDocument(
            id,
            "stranded",
            "",
            GraphJson.write(nodes, List.of(new Edge(null, "in", "out", null))),
            List.of(),
            false,
            WorkflowDocument.ACTIVE,
            1,
            alice,
            Permissions.ownedBy(alice),
            longAgo,
            longAgo,
            alice,
            false,
            0,
            "token-" + id,
            longAgo));

    // when the relay runs
    relay.publishPending();

    // then the version exists, is published with the access, and nothing is pending any more
    WorkflowVersionSaved v1 =
        kafka.awaitValue(
            Topics.WORKFLOW_VERSIONS, id + ":1", WorkflowVersionSaved.class, v -> true);
    assertThat(v1.name()).isEqualTo("stranded");
    assertThat(
            kafka
                .awaitValue(Topics.WORKFLOW_ACCESS, id, WorkflowAccessChanged.class, a -> true)
                .latestVersion())
        .isEqualTo(1);
    assertThat(store.findVersion(id, 1)).isPresent();
    WorkflowDocument after = store.findAny(id).orElseThrow();
    assertThat(after.pendingToken()).isNull();
    assertThat(after.announcedVersion()).isEqualTo(1);
    assertThat(
            api.get("/api/workflows/" + id + "/versions", aliceToken).body().path("total").asInt())
        .isEqualTo(1);
  }
}
