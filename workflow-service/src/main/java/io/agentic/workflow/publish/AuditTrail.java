package io.agentic.workflow.publish;

import io.agentic.contracts.Topics;
import io.agentic.contracts.audit.AuditRecorded;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Security-relevant actions on workflows, sent to the suite's audit topic ({@code auth.audit.v1},
 * owned and declared by auth-service; keyed by the actor). Best effort: the action is already
 * stored, so a failure to record it is logged rather than failing the request.
 */
@Component
public class AuditTrail {

  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

  private final KafkaSender sender;
  private final Clock clock = Clock.systemUTC();

  AuditTrail(KafkaSender sender) {
    this.sender = sender;
  }

  /** A workflow's permissions or visibility were changed; {@code details} hold no secrets. */
  public void workflowShared(
      String actorId, String workflowId, String clientIp, Map<String, String> details) {
    AuditRecorded record =
        new AuditRecorded(
            UUID.randomUUID().toString(),
            "workflow_shared",
            actorId,
            workflowId,
            clientIp,
            "success",
            Map.copyOf(details),
            clock.instant());
    try {
      sender.send(Topics.AUDIT, actorId, record);
    } catch (PublishFailedException e) {
      log.warn(
          "Workflow {} was shared by {} but the audit record was not sent", workflowId, actorId);
    }
  }
}
