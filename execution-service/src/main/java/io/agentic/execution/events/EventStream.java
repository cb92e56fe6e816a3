package io.agentic.execution.events;

import io.agentic.contracts.execution.ExecutionProgressed;
import io.agentic.execution.redaction.Redaction;
import io.agentic.execution.store.ExecutionEventStore;
import io.agentic.platform.kafka.ContractJson;
import io.agentic.platform.security.TokenDenyList;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open {@code text/event-stream}, written by a virtual thread of its own: first the stored log
 * after the last event the client has, then the live events handed to {@link #offer} (queued, so a
 * slow client never holds up the listener), deduplicated by sequence, with a comment heartbeat
 * whenever {@code heartbeat} passes. It ends after the execution's terminal event, when the
 * caller's token expires or is found revoked (checked at each heartbeat), or when the client goes.
 */
final class EventStream implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(EventStream.class);
  private static final int PAGE = 500;

  /** Live events a stream may fall behind by; past it, the client reconnects with Last-Event-ID. */
  private static final int BACKLOG = 10_000;

  private final String executionId;
  private final StreamCaller caller;
  private final SseEmitter emitter;
  private final ExecutionEventStore eventLog;
  private final TokenDenyList denyList;
  private final Duration heartbeat;
  private final Clock clock;
  private final BlockingQueue<ExecutionProgressed> live = new LinkedBlockingQueue<>(BACKLOG);
  private volatile boolean overflowed;
  private volatile boolean closed;
  private volatile Thread thread;
  private final AtomicBoolean released = new AtomicBoolean();
  private long sent;

  EventStream(
      String executionId,
      StreamCaller caller,
      long lastEventId,
      SseEmitter emitter,
      ExecutionEventStore log,
      TokenDenyList denyList,
      Duration heartbeat,
      Clock clock) {
    this.executionId = executionId;
    this.caller = caller;
    this.sent = lastEventId;
    this.emitter = emitter;
    this.eventLog = log;
    this.denyList = denyList;
    this.heartbeat = heartbeat;
    this.clock = clock;
  }

  String executionId() {
    return executionId;
  }

  String userId() {
    return caller.user().id();
  }

  void offer(ExecutionProgressed event) {
    if (!live.offer(event)) {
      overflowed = true;
    }
  }

  /** True the first time only: the stream's place is given back once. */
  boolean release() {
    return released.compareAndSet(false, true);
  }

  /** The client went away (or the server stops): the writing thread ends at once. */
  void close() {
    closed = true;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  @Override
  public void run() {
    thread = Thread.currentThread();
    try {
      if (!replay()) {
        follow();
      }
    } catch (IOException | IllegalStateException e) {
      log.debug("Event stream of {} ended: {}", executionId, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closed = true;
      try {
        emitter.complete();
      } catch (RuntimeException e) {
        log.debug("Completing the event stream of {} failed: {}", executionId, e.toString());
      }
    }
  }

  private void follow() throws IOException, InterruptedException {
    Instant nextBeat = clock.instant().plus(heartbeat);
    while (!closed && !overflowed) {
      Instant now = clock.instant();
      if (!now.isBefore(caller.expiresAt())) {
        return;
      }
      if (!now.isBefore(nextBeat)) {
        if (revoked()) {
          return;
        }
        emitter.send(SseEmitter.event().comment("heartbeat"));
        nextBeat = now.plus(heartbeat);
      }
      Instant wake = nextBeat.isBefore(caller.expiresAt()) ? nextBeat : caller.expiresAt();
      long waitMs = Math.max(1, Duration.between(now, wake).toMillis());
      ExecutionProgressed event = live.poll(waitMs, TimeUnit.MILLISECONDS);
      if (event == null || event.sequence() <= sent) {
        continue;
      }
      // Fill a gap from the log (every event is stored before it is published).
      if (event.sequence() > sent + 1 && replay()) {
        return;
      }
      if (event.sequence() > sent && send(event)) {
        return;
      }
    }
  }

  /**
   * Sends the stored events after the last one sent. A terminal event followed by more (the
   * execution was retried) does not end the replay; one that is the last stored does.
   *
   * @return true when the last event sent is terminal: the stream is over
   */
  private boolean replay() throws IOException {
    boolean ended = false;
    List<ExecutionProgressed> page;
    do {
      page = eventLog.after(executionId, sent, PAGE);
      for (ExecutionProgressed event : page) {
        ended = send(event);
      }
    } while (page.size() == PAGE && !closed);
    return ended;
  }

  /**
   * @return true when the event was the execution's last
   */
  private boolean send(ExecutionProgressed event) throws IOException {
    emitter.send(
        SseEmitter.event()
            .id(Long.toString(event.sequence()))
            .name(event.type())
            .data(ContractJson.mapper().writeValueAsString(data(event))));
    sent = event.sequence();
    return event.isTerminal();
  }

  /** {@code executionId}, {@code nodeId}, {@code timestamp}, then the event's own data. */
  static Map<String, Object> data(ExecutionProgressed event) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("executionId", event.executionId());
    if (event.nodeId() != null) {
      data.put("nodeId", event.nodeId());
    }
    data.put("timestamp", event.timestamp() == null ? null : event.timestamp().toString());
    if (event.data() != null) {
      // The engine redacted outputs already; once more costs little and guards every path.
      Redaction.jsonMap(event.data()).forEach(data::putIfAbsent);
    }
    return data;
  }

  private boolean revoked() {
    try {
      return denyList.isDenied(caller.tokenId(), caller.familyId());
    } catch (RuntimeException e) {
      // Like reads elsewhere: while Redis cannot answer, the stream goes on.
      log.warn("Token revocation status unavailable; the event stream goes on: {}", e.toString());
      return false;
    }
  }
}
