package io.agentic.execution.workflows;

import io.agentic.contracts.Topics;
import io.agentic.contracts.workflow.WorkflowAccessChanged;
import io.agentic.contracts.workflow.WorkflowVersionSaved;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the read model up to date from workflow-service's compacted topics. */
@Component
class WorkflowListener {

  private final WorkflowReadModel model;

  WorkflowListener(WorkflowReadModel model) {
    this.model = model;
  }

  @KafkaListener(
      id = "execution-workflow-read-model",
      topics = {Topics.WORKFLOW_VERSIONS, Topics.WORKFLOW_ACCESS},
      groupId = "execution-service-workflows",
      containerFactory = "patientListenerFactory")
  void on(ConsumerRecord<String, Object> record) {
    switch (record.value()) {
      case WorkflowVersionSaved v ->
          model.save(
              new WorkflowVersion(
                  v.workflowId(),
                  v.version(),
                  v.name(),
                  v.ownerId(),
                  v.nodes() == null ? List.of() : v.nodes(),
                  v.edges() == null ? List.of() : v.edges()));
      case WorkflowAccessChanged a ->
          model.save(
              new WorkflowAccess(
                  a.workflowId(),
                  orEmpty(a.owners()),
                  orEmpty(a.editors()),
                  orEmpty(a.viewers()),
                  a.isPublic(),
                  a.status(),
                  a.deleted(),
                  a.latestVersion(),
                  a.changedAt()));
      case null, default -> {
        // A tombstone or an unknown record: nothing to keep.
      }
    }
  }

  private static List<String> orEmpty(List<String> ids) {
    return ids == null ? List.of() : ids;
  }
}
