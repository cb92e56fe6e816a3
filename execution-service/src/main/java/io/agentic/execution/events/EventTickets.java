package io.agentic.execution.events;

import io.agentic.execution.ExecutionProperties;
import io.agentic.platform.kafka.ContractJson;
import io.agentic.platform.security.CurrentUser;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Tickets for browsers, whose EventSource cannot send an {@code Authorization} header: a random
 * value good for one connection to one execution's events within {@code event-ticket-ttl}, stored
 * in Redis under {@code execution:ticket:<ticket>} and consumed with GETDEL, so that it works once
 * whichever instance the browser reaches.
 */
@Component
class EventTickets {

  static final String PREFIX = "execution:ticket:";

  /** What a ticket stands for: the caller who asked for it and the token they used. */
  record Ticket(
      String userId,
      String username,
      String role,
      String executionId,
      String tokenId,
      String familyId,
      Instant tokenExpiresAt) {}

  private final SecureRandom random = new SecureRandom();
  private final StringRedisTemplate redis;
  private final ExecutionProperties properties;

  EventTickets(StringRedisTemplate redis, ExecutionProperties properties) {
    this.redis = redis;
    this.properties = properties;
  }

  String issue(StreamCaller caller, String executionId) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Ticket value =
        new Ticket(
            caller.user().id(),
            caller.user().username(),
            caller.user().role(),
            executionId,
            caller.tokenId(),
            caller.familyId(),
            caller.expiresAt());
    redis
        .opsForValue()
        .set(
            PREFIX + ticket,
            ContractJson.mapper().writeValueAsString(value),
            properties.eventTicketTtl());
    return ticket;
  }

  /** The caller a ticket stands for, if it is valid for this execution; it is spent either way. */
  Optional<StreamCaller> redeem(String ticket, String executionId) {
    if (ticket == null || ticket.isBlank() || ticket.length() > 100) {
      return Optional.empty();
    }
    String json = redis.opsForValue().getAndDelete(PREFIX + ticket);
    if (json == null) {
      return Optional.empty();
    }
    Ticket t = ContractJson.mapper().readValue(json, Ticket.class);
    if (!executionId.equals(t.executionId())) {
      return Optional.empty();
    }
    return Optional.of(
        new StreamCaller(
            new CurrentUser(t.userId(), t.username(), t.role(), Set.of(), t.tokenId()),
            t.tokenId(),
            t.familyId(),
            t.tokenExpiresAt()));
  }
}
