package io.agentic.execution.events;

import io.agentic.contracts.execution.ExecutionProgressed;
import io.agentic.execution.ExecutionProperties;
import io.agentic.execution.store.ExecutionEventStore;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.security.TokenDenyList;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event streams open on this instance: at most {@code max-streams-per-user} per user, each fed
 * the live events of its execution as {@link LiveEvents} hands them on.
 */
@Component
class EventStreams implements DisposableBean {

  private final Map<String, Set<EventStream>> byExecution = new ConcurrentHashMap<>();
  private final Map<String, Integer> byUser = new ConcurrentHashMap<>();
  private final ExecutionEventStore log;
  private final TokenDenyList denyList;
  private final ExecutionProperties properties;
  private final Clock clock;

  EventStreams(
      ExecutionEventStore log,
      TokenDenyList denyList,
      ExecutionProperties properties,
      Clock clock) {
    this.log = log;
    this.denyList = denyList;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Opens a stream: registered for live events before the log is read, so nothing published in
   * between is missed.
   *
   * @throws ApiException 429 {@code TOO_MANY_STREAMS} when the user has the most streams allowed
   */
  SseEmitter open(String executionId, StreamCaller caller, long lastEventId) {
    admit(caller.user().id());
    // The emitter outlives the token by a little; the stream itself closes at the token's expiry.
    long timeoutMs =
        Math.max(1, Duration.between(clock.instant(), caller.expiresAt()).toMillis()) + 5_000;
    SseEmitter emitter = new SseEmitter(timeoutMs);
    EventStream stream =
        new EventStream(
            executionId,
            caller,
            lastEventId,
            emitter,
            log,
            denyList,
            properties.eventHeartbeat(),
            clock);
    byExecution.compute(
        executionId,
        (k, set) -> {
          Set<EventStream> streams = set == null ? ConcurrentHashMap.newKeySet() : set;
          streams.add(stream);
          return streams;
        });
    emitter.onCompletion(() -> release(stream));
    emitter.onTimeout(() -> release(stream));
    emitter.onError(e -> release(stream));
    Thread.ofVirtual()
        .name("event-stream-" + executionId)
        .start(
            () -> {
              try {
                stream.run();
              } finally {
                release(stream);
              }
            });
    return emitter;
  }

  @EventListener
  void on(ExecutionProgressed event) {
    Set<EventStream> streams = byExecution.get(event.executionId());
    if (streams != null) {
      streams.forEach(s -> s.offer(event));
    }
  }

  int openFor(String userId) {
    return byUser.getOrDefault(userId, 0);
  }

  private void admit(String userId) {
    int max = properties.maxStreamsPerUser();
    boolean[] admitted = new boolean[1];
    byUser.compute(
        userId,
        (k, n) -> {
          int current = n == null ? 0 : n;
          admitted[0] = current < max;
          return admitted[0] ? current + 1 : n;
        });
    if (!admitted[0]) {
      throw ApiException.tooManyRequests(
          "TOO_MANY_STREAMS", "At most " + max + " open event streams per user", 5);
    }
  }

  /** Idempotent: a stream ends through several callbacks at once. */
  private void release(EventStream stream) {
    stream.close();
    if (!stream.release()) {
      return;
    }
    byExecution.computeIfPresent(
        stream.executionId(),
        (k, set) -> {
          set.remove(stream);
          return set.isEmpty() ? null : set;
        });
    byUser.computeIfPresent(stream.userId(), (k, n) -> n == 1 ? null : n - 1);
  }

  /**
   * Ends every stream when the application stops, before the web server's graceful shutdown waits
   * for open requests: clients reconnect elsewhere with their Last-Event-ID.
   */
  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    byExecution.values().forEach(set -> set.forEach(EventStream::close));
  }

  @Override
  public void destroy() {
    closeAll();
  }
}
