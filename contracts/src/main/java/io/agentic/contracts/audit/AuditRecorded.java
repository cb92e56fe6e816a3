package io.agentic.contracts.audit;

import java.time.Instant;
import java.util.Map;

/**
 * A security-relevant action: who, what, when and from where. Never holds secrets. Topic {@code
 * auth.audit.v1}, key {@code actorId}.
 *
 * @param action e.g. {@code login}, {@code login_failed}, {@code refresh_reuse}, {@code
 *     api_key_created}, {@code role_changed}, {@code user_deleted}, {@code workflow_shared}
 * @param actorId who acted; null when unknown (a failed login)
 * @param subjectId what was acted on (a user, key or workflow id)
 */
public record AuditRecorded(
    String eventId,
    String action,
    String actorId,
    String subjectId,
    String clientIp,
    String outcome,
    Map<String, String> details,
    Instant timestamp) {}
