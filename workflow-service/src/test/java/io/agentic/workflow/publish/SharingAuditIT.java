package io.agentic.workflow.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.contracts.Topics;
import io.agentic.contracts.audit.AuditRecorded;
import io.agentic.testsupport.TestInfrastructure;
import io.agentic.workflow.Api;
import io.agentic.workflow.TestTokens;
import io.agentic.workflow.WorkflowBodies;
import io.agentic.workflow.WorkflowServiceTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sharing a workflow is a security-relevant action: it is recorded on the audit topic. */
@WorkflowServiceTest
class SharingAuditIT {

  @LocalServerPort int port;

  Api api;
  TopicReader kafka;

  /** auth-service owns and declares the audit topic; here it stands in for it. */
  @BeforeAll
  static void declareTheAuditTopic() throws InterruptedException {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
      admin
          .createTopics(
              List.of(new NewTopic(Topics.AUDIT, TestInfrastructure.PARTITIONS, (short) 1)))
          .all()
          .get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(e);
      }
    }
  }

  @BeforeEach
  void setUp() {
    api = new Api(port);
    kafka = new TopicReader(Topics.AUDIT);
  }

  @AfterEach
  void tearDown() {
    kafka.close();
  }

  @Test
  void recordsEachShareWithCountsButNoUserIds() {
    String alice = TestTokens.newUserId();
    String aliceToken = TestTokens.user(alice);
    String bob = TestTokens.newUserId();
    String carol = TestTokens.newUserId();
    String id =
        api.post("/api/workflows", aliceToken, WorkflowBodies.minimal("audited"))
            .body()
            .path("id")
            .asString();

    api.put(
        "/api/workflows/" + id + "/permissions",
        aliceToken,
        Map.of("editors", List.of(bob), "viewers", List.of(carol), "isPublic", true));

    AuditRecorded record =
        kafka.awaitValue(Topics.AUDIT, alice, AuditRecorded.class, r -> id.equals(r.subjectId()));
    assertThat(record.action()).isEqualTo("workflow_shared");
    assertThat(record.actorId()).isEqualTo(alice);
    assertThat(record.outcome()).isEqualTo("success");
    assertThat(record.eventId()).isNotBlank();
    assertThat(record.timestamp()).isNotNull();
    assertThat(record.clientIp()).isNotBlank();
    assertThat(record.details())
        .containsEntry("owners", "1")
        .containsEntry("editors", "1")
        .containsEntry("viewers", "1")
        .containsEntry("usersAdded", "2")
        .containsEntry("usersRemoved", "0")
        .containsEntry("isPublic", "true")
        .containsEntry("wasPublic", "false");
    assertThat(String.join(" ", record.details().values())).doesNotContain(bob, carol);
  }

  @Test
  void recordsNothingForARefusedShare() {
    String alice = TestTokens.newUserId();
    String bob = TestTokens.newUserId();
    String id =
        api.post("/api/workflows", TestTokens.user(alice), WorkflowBodies.minimal("not mine"))
            .body()
            .path("id")
            .asString();
    // bob's attempt fails (404), then alice's own share is recorded
    api.put(
        "/api/workflows/" + id + "/permissions",
        TestTokens.user(bob),
        Map.of("viewers", List.of(bob)));
    api.put(
        "/api/workflows/" + id + "/permissions",
        TestTokens.user(alice),
        Map.of("viewers", List.of(bob)));

    kafka.awaitValue(Topics.AUDIT, alice, AuditRecorded.class, r -> id.equals(r.subjectId()));
    assertThat(kafka.values(Topics.AUDIT, bob, AuditRecorded.class)).isEmpty();
  }
}
