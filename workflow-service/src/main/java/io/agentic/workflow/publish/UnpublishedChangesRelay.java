package io.agentic.workflow.publish;

import io.agentic.workflow.WorkflowProperties;
import io.agentic.workflow.store.WorkflowDocument;
import io.agentic.workflow.store.WorkflowStore;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the changes whose request could not (Kafka unavailable, process stopped between the
 * write and the publish), so that execution-service converges on every saved version, permission
 * change and deletion.
 */
@Component
public class UnpublishedChangesRelay {

  private static final Logger log = LoggerFactory.getLogger(UnpublishedChangesRelay.class);
  private static final int BATCH = 100;

  private final WorkflowStore store;
  private final WorkflowAnnouncer announcer;
  private final Duration after;
  private final Clock clock = Clock.systemUTC();

  UnpublishedChangesRelay(
      WorkflowStore store, WorkflowAnnouncer announcer, WorkflowProperties properties) {
    this.store = store;
    this.announcer = announcer;
    this.after = properties.relayAfter();
  }

  @Scheduled(
      fixedDelayString = "${agentic.workflow.relay-interval:5s}",
      initialDelayString = "${agentic.workflow.relay-interval:5s}")
  public void publishPending() {
    try {
      for (WorkflowDocument w : store.pendingBefore(clock.instant().minus(after), BATCH)) {
        announcer.announce(w.id(), w.pendingToken());
      }
    } catch (RuntimeException e) {
      log.warn("Unpublished workflow changes remain; retrying later: {}", e.toString());
    }
  }
}
