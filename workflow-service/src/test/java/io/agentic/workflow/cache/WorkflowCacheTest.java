package io.agentic.workflow.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.workflow.store.WorkflowDocument;
import io.agentic.workflow.store.WorkflowStore;
import io.agentic.workflow.store.WorkflowVersionDocument;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache when Redis is not there: reads go to MongoDB, writes do not fail. */
class WorkflowCacheTest {

  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final MutableClock clock = new MutableClock();
  final WorkflowCache cache =
      TestCaches.connectedTo("127.0.0.1", closedPort(), Duration.ofMinutes(10), meters, clock);
  final WorkflowDocument doc =
      WorkflowDocument.created(
          "wf-1",
          new WorkflowStore.Content("n", "", "{}", java.util.List.of(), "active", false),
          "u-1",
          Instant.parse("2026-01-01T00:00:00Z"),
          "t");

  @Test
  void readsMongoDbWhenRedisIsDown() {
    AtomicInteger loads = new AtomicInteger();

    Optional<WorkflowDocument> first = cache.workflow("wf-1", () -> load(loads));
    Optional<WorkflowDocument> second = cache.workflow("wf-1", () -> load(loads));
    Optional<WorkflowVersionDocument> version =
        cache.version("wf-1", 1, () -> Optional.of(WorkflowVersionDocument.of(doc)));

    assertThat(first).contains(doc);
    assertThat(second).contains(doc);
    assertThat(version).isPresent();
    assertThat(loads).hasValue(2);
    assertThat(count("miss")).isEqualTo(3);
    assertThat(count("hit")).isZero();
  }

  @Test
  void doesNotFailAWriteWhoseInvalidationRedisCannotTakeAndRetriesIt() {
    AtomicInteger loads = new AtomicInteger();

    cache.invalidate("wf-1");
    cache.retryInvalidations();
    // long after the bypass period, the invalidation is still owed: MongoDB is still read
    clock.advance(Duration.ofMinutes(1));
    Optional<WorkflowDocument> read = cache.workflow("wf-1", () -> load(loads));

    assertThat(read).contains(doc);
    assertThat(loads).hasValue(1);
  }

  private Optional<WorkflowDocument> load(AtomicInteger loads) {
    loads.incrementAndGet();
    return Optional.of(doc);
  }

  private double count(String result) {
    return meters
        .get("agentic.cache.requests")
        .tag("cache", "workflow")
        .tag("result", result)
        .counter()
        .count();
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
