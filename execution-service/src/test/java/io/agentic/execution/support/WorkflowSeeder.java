package io.agentic.execution.support;

import io.agentic.contracts.Topics;
import io.agentic.contracts.workflow.WorkflowAccessChanged;
import io.agentic.contracts.workflow.WorkflowVersionSaved;
import io.agentic.execution.engine.Workflows;
import io.agentic.execution.workflows.WorkflowCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes workflows as workflow-service would, and waits until the read model has them. */
public final class WorkflowSeeder {

  private final KafkaTemplate<String, Object> kafka;
  private final WorkflowCatalog catalog;

  public WorkflowSeeder(KafkaTemplate<String, Object> kafka, WorkflowCatalog catalog) {
    this.kafka = kafka;
    this.catalog = catalog;
  }

  /** A workflow of one version from a fixture, owned by {@code ownerId}; returns its id. */
  public String publish(String fixture, String ownerId) {
    return publish(fixture, ownerId, List.of(), false, "active");
  }

  public String publish(
      String fixture, String ownerId, List<String> viewers, boolean isPublic, String status) {
    return publishAs(
        "wf-" + UUID.randomUUID(), fixture, Map.of(), ownerId, viewers, isPublic, status);
  }

  /**
   * A workflow of one version from a fixture whose {@code ${name}} placeholders are replaced (by
   * the ids of the workflows it runs as children, say), under an id chosen by the caller.
   */
  public String publishAs(
      String id,
      String fixture,
      Map<String, String> replacements,
      String ownerId,
      List<String> viewers,
      boolean isPublic,
      String status) {
    Workflows.Fixture graph = Workflows.load(fixture, replacements);
    send(
        Topics.WORKFLOW_VERSIONS,
        id + ":1",
        new WorkflowVersionSaved(
            id, 1, fixture, ownerId, graph.nodes(), graph.edges(), ownerId, Instant.now()));
    access(id, ownerId, viewers, isPublic, status, false);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> catalog.knownAccess(id).isPresent() && catalog.version(id, 1, null).isPresent());
    return id;
  }

  public void access(
      String id,
      String ownerId,
      List<String> viewers,
      boolean isPublic,
      String status,
      boolean deleted) {
    send(
        Topics.WORKFLOW_ACCESS,
        id,
        new WorkflowAccessChanged(
            id, List.of(ownerId), List.of(), viewers, isPublic, status, deleted, 1, Instant.now()));
  }

  private void send(String topic, String key, Object record) {
    try {
      kafka.send(topic, key, record).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Like {@link #publish(String, String)}, with placeholders replaced. */
  public String publish(String fixture, String ownerId, Map<String, String> replacements) {
    return publishAs(
        "wf-" + UUID.randomUUID(), fixture, replacements, ownerId, List.of(), false, "active");
  }

  public static String newUser() {
    return "u-" + UUID.randomUUID();
  }
}
