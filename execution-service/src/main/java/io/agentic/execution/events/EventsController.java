package io.agentic.execution.events;

import io.agentic.execution.ExecutionProperties;
import io.agentic.execution.run.Visibility;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.problem.FieldProblem;
import io.agentic.platform.security.CurrentUser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/executions/{id}/events}: the execution's event log as {@code text/event-stream},
 * replayed then followed live. Callers authenticate with a bearer token or, from a browser, with a
 * single-use ticket from {@code POST /{id}/events/ticket}. The events path is therefore listed in
 * {@code agentic.security.public-paths} (an invalid or revoked bearer token is still refused by the
 * security filters) and this controller insists on one of the two itself.
 */
@RestController
@RequestMapping("/api/executions")
class EventsController {

  private final Visibility visibility;
  private final EventStreams streams;
  private final EventTickets tickets;
  private final ExecutionProperties properties;

  EventsController(
      Visibility visibility,
      EventStreams streams,
      EventTickets tickets,
      ExecutionProperties properties) {
    this.visibility = visibility;
    this.streams = streams;
    this.tickets = tickets;
    this.properties = properties;
  }

  /**
   * @param lastEventId the last sequence the client has; {@code lastEventId} as a query parameter
   *     serves browsers reconnecting with a new ticket (EventSource cannot set the header)
   */
  @GetMapping("/{id}/events")
  ResponseEntity<SseEmitter> events(
      @PathVariable String id,
      @RequestParam(required = false) String ticket,
      @RequestParam(value = "lastEventId", required = false) String lastEventIdParam,
      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
    long after = sequence(lastEventId != null ? lastEventId : lastEventIdParam);
    StreamCaller caller =
        bearer()
            .or(() -> tickets.redeem(ticket, id))
            .orElseThrow(
                () ->
                    ticket == null
                        ? ApiException.unauthorized("A valid access token is required")
                        : new ApiException(
                            HttpStatus.UNAUTHORIZED,
                            "INVALID_TICKET",
                            "The ticket is unknown, expired, already used or for another"
                                + " execution"));
    visibility.visible(id, caller.user());
    SseEmitter emitter = streams.open(id, caller, after);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .header("X-Accel-Buffering", "no")
        .body(emitter);
  }

  /** A ticket for one connection to this execution's events, for browsers. */
  @PostMapping("/{id}/events/ticket")
  Map<String, Object> ticket(@PathVariable String id, CurrentUser user) {
    visibility.visible(id, user);
    StreamCaller caller =
        bearer().orElseThrow(() -> ApiException.unauthorized("A valid access token is required"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ticket", tickets.issue(caller, id));
    body.put("expiresInSeconds", properties.eventTicketTtl().toSeconds());
    return body;
  }

  /** The caller of a request authenticated with a bearer token, if it was. */
  private static Optional<StreamCaller> bearer() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof JwtAuthenticationToken token) {
      Jwt jwt = token.getToken();
      Instant expires = jwt.getExpiresAt() == null ? Instant.MAX : jwt.getExpiresAt();
      return Optional.of(
          new StreamCaller(CurrentUser.of(jwt), jwt.getId(), jwt.getClaimAsString("fam"), expires));
    }
    return Optional.empty();
  }

  private static long sequence(String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      long sequence = Long.parseLong(value.trim());
      if (sequence >= 0) {
        return sequence;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalid(
        "VALIDATION_FAILED",
        "The request is invalid",
        List.of(new FieldProblem("Last-Event-ID", "must be an event id (a sequence number)")));
  }
}
