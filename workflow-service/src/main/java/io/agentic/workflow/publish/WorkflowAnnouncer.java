package io.agentic.workflow.publish;

import io.agentic.contracts.Topics;
import io.agentic.contracts.workflow.WorkflowChanged;
import io.agentic.workflow.store.WorkflowDocument;
import io.agentic.workflow.store.WorkflowStore;
import io.agentic.workflow.store.WorkflowVersionDocument;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes a workflow's saved changes, and waits for the broker, so that execution-service's read
 * model has a version before the client that saved it can start an execution of it.
 *
 * <p>Ordering of {@code workflow.access.v1} across concurrent saves (and replicas) does not rely on
 * the order of sends: after each send the announcer reads the workflow again and sends again until
 * what it read is what it last sent. So the last record on the topic always matches the stored
 * state, even when two requests publish at once.
 */
@Component
public class WorkflowAnnouncer {

  private static final Logger log = LoggerFactory.getLogger(WorkflowAnnouncer.class);
  private static final int MAX_ROUNDS = 5;

  private final WorkflowStore store;
  private final KafkaSender sender;
  private final Clock clock;

  WorkflowAnnouncer(WorkflowStore store, KafkaSender sender) {
    this.store = store;
    this.sender = sender;
    this.clock = Clock.systemUTC();
  }

  /**
   * Publishes every unpublished version of the workflow and its current access, then ends the
   * pending state of the change that set {@code token}.
   *
   * @throws PublishFailedException when Kafka does not acknowledge in time
   */
  public void announce(String workflowId, String token) {
    WorkflowDocument w = store.findAny(workflowId).orElse(null);
    if (w == null) {
      return;
    }
    if (!w.deleted()) {
      publishVersions(w);
    }
    publishAccess(w);
    if (w.deleted()) {
      store.removeDeleted(workflowId, token);
    } else {
      store.clearPending(workflowId, token);
    }
  }

  /**
   * Tells analytics and audit what happened. Best effort: the change itself is already saved and
   * announced, so a failure here is logged rather than failing the request.
   */
  public void changed(String workflowId, String change, int version, String actorId) {
    WorkflowChanged event =
        new WorkflowChanged(
            UUID.randomUUID().toString(), workflowId, change, version, actorId, clock.instant());
    try {
      sender.send(Topics.WORKFLOW_EVENTS, workflowId, event);
    } catch (PublishFailedException e) {
      log.warn("Workflow {} was {} but the event could not be published", workflowId, change);
    }
  }

  private void publishVersions(WorkflowDocument w) {
    for (int v = w.announcedVersion() + 1; v <= w.version(); v++) {
      WorkflowVersionDocument version = store.findVersion(w.id(), v).orElse(null);
      if (version == null && v == w.version()) {
        // The save stopped between its two writes; the workflow still holds this version.
        version = WorkflowVersionDocument.of(w);
        store.insertVersion(version);
      }
      if (version != null) {
        sender.send(
            Topics.WORKFLOW_VERSIONS,
            WorkflowVersionDocument.idOf(w.id(), v),
            ContractMapping.versionSaved(version, w.ownerId()));
      }
    }
    if (w.version() > w.announcedVersion()) {
      store.markAnnounced(w.id(), w.version());
    }
  }

  private void publishAccess(WorkflowDocument read) {
    WorkflowDocument lastKnown = read;
    AccessState sent = null;
    WorkflowDocument current = read;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      AccessState state =
          current == null ? AccessState.of(lastKnown).asDeleted() : AccessState.of(current);
      if (state.equals(sent)) {
        return;
      }
      sender.send(Topics.WORKFLOW_ACCESS, read.id(), state.toRecord(read.id(), clock.instant()));
      sent = state;
      current = store.findAny(read.id()).orElse(null);
      if (current != null) {
        lastKnown = current;
      }
    }
    // Still changing: the requests changing it publish their own state after this one.
  }
}
