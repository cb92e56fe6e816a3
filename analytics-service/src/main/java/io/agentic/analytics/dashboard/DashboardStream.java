package io.agentic.analytics.dashboard;

import io.agentic.analytics.AnalyticsProperties;
import io.agentic.platform.problem.ApiException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/dashboard/stream}: the overview as an {@code overview} event whenever it changes
 * (looked at once per {@code stream-interval}, so at most that often), to every open stream, and a
 * comment every {@code heartbeat-interval} so idle proxies keep the connection.
 */
@Component
class DashboardStream {

  static final String EVENT = "overview";
  private static final Logger log = LoggerFactory.getLogger(DashboardStream.class);

  private final DashboardFigures figures;
  private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("dashboard-stream").daemon().factory());
  private volatile Overview lastSent;

  DashboardStream(DashboardFigures figures, AnalyticsProperties properties) {
    this.figures = figures;
    long interval = properties.streamInterval().toMillis();
    long heartbeat = properties.heartbeatInterval().toMillis();
    ticker.scheduleWithFixedDelay(
        guarded(this::publishChanges), interval, interval, TimeUnit.MILLISECONDS);
    ticker.scheduleAtFixedRate(
        guarded(this::heartbeat), heartbeat, heartbeat, TimeUnit.MILLISECONDS);
  }

  /** A new stream, sent the current overview at once; it closes after {@code openFor}. */
  SseEmitter subscribe(Duration openFor) {
    SseEmitter emitter = new SseEmitter(openFor.toMillis());
    emitter.onCompletion(() -> subscribers.remove(emitter));
    emitter.onTimeout(
        () -> {
          subscribers.remove(emitter);
          emitter.complete();
        });
    emitter.onError(e -> subscribers.remove(emitter));
    subscribers.add(emitter);
    Overview current = currentOrNull();
    if (current != null) {
      send(emitter, SseEmitter.event().name(EVENT).data(current, MediaType.APPLICATION_JSON));
    }
    return emitter;
  }

  int subscriberCount() {
    return subscribers.size();
  }

  private void publishChanges() {
    if (subscribers.isEmpty()) {
      return;
    }
    Overview current = currentOrNull();
    if (current == null || Objects.equals(current, lastSent)) {
      return;
    }
    lastSent = current;
    for (SseEmitter emitter : subscribers) {
      send(emitter, SseEmitter.event().name(EVENT).data(current, MediaType.APPLICATION_JSON));
    }
  }

  private void heartbeat() {
    for (SseEmitter emitter : subscribers) {
      send(emitter, SseEmitter.event().comment("heartbeat"));
    }
  }

  private Overview currentOrNull() {
    try {
      return figures.overview();
    } catch (ApiException warmingUp) {
      return null;
    } catch (RuntimeException e) {
      log.warn("Could not read the dashboard figures for the stream", e);
      return null;
    }
  }

  /** A stream whose client has gone is dropped; the others carry on. */
  private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
    try {
      emitter.send(event);
    } catch (IOException | RuntimeException e) {
      subscribers.remove(emitter);
      try {
        emitter.completeWithError(e);
      } catch (RuntimeException alreadyClosed) {
        // the container has closed it already
      }
    }
  }

  /** A failing tick must not cancel the schedule (an uncaught exception would). */
  private static Runnable guarded(Runnable tick) {
    return () -> {
      try {
        tick.run();
      } catch (RuntimeException e) {
        log.warn("Dashboard stream tick failed", e);
      }
    };
  }

  @PreDestroy
  void close() {
    ticker.shutdownNow();
    subscribers.forEach(SseEmitter::complete);
    subscribers.clear();
  }
}
