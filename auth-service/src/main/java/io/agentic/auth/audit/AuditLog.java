package io.agentic.auth.audit;

import io.agentic.contracts.Topics;
import io.agentic.contracts.audit.AuditRecorded;
import io.agentic.platform.observability.ContextExecutors;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Publishes security-relevant actions to {@link Topics#AUDIT}, keyed by the actor (or the subject
 * when the actor is unknown). Never holds secrets: no passwords, tokens or attempted logins.
 * Publishing happens off the request thread, so an unreachable broker never delays a sign-in; an
 * event that cannot be sent is logged and dropped.
 */
@Component
public class AuditLog {

  public static final String SUCCESS = "success";
  public static final String FAILURE = "failure";

  private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

  private final KafkaTemplate<String, Object> kafka;

  /**
   * Sends in the request's context: the record carries the request's trace, and whatever is logged
   * about it its {@code requestId}.
   */
  private final ExecutorService sender =
      ContextExecutors.wrap(Executors.newVirtualThreadPerTaskExecutor());

  AuditLog(KafkaTemplate<String, Object> kafka) {
    this.kafka = kafka;
  }

  public void record(
      String action,
      String actorId,
      String subjectId,
      String outcome,
      Map<String, String> details) {
    AuditRecorded event =
        new AuditRecorded(
            UUID.randomUUID().toString(),
            action,
            actorId,
            subjectId,
            clientIp(),
            outcome,
            withoutNulls(details),
            Instant.now());
    String key = actorId != null ? actorId : subjectId != null ? subjectId : "anonymous";
    sender.execute(() -> send(key, event));
  }

  private void send(String key, AuditRecorded event) {
    try {
      kafka
          .send(Topics.AUDIT, key, event)
          .whenComplete(
              (result, e) -> {
                if (e != null) {
                  log.warn("Audit event {} was not published: {}", event.action(), e.toString());
                }
              });
    } catch (RuntimeException e) {
      log.warn("Audit event {} was not published: {}", event.action(), e.toString());
    }
  }

  private static Map<String, String> withoutNulls(Map<String, String> details) {
    Map<String, String> copy = new LinkedHashMap<>();
    details.forEach(
        (name, value) -> {
          if (name != null && value != null) {
            copy.put(name, value);
          }
        });
    return copy;
  }

  /** The peer's address; behind the gateway this is the gateway's. */
  private static String clientIp() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
        ? request.getRequest().getRemoteAddr()
        : null;
  }

  @PreDestroy
  void close() {
    sender.close();
  }
}
