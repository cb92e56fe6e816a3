package io.agentic.execution.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.contracts.execution.ExecutionProgressed;
import io.agentic.execution.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ExecutionEventStoreIT extends IntegrationTest {

  @Autowired ExecutionEventStore store;

  private final String executionId = UUID.randomUUID().toString();

  @Test
  void storingEventsAgainAfterACrashChangesNothing() {
    store.appendAll(events(1, 3));

    // a relay re-sends an outbox that was half done: events 2 and 3 again, with 4 new
    store.appendAll(events(2, 4));

    assertThat(store.after(executionId, 0, 10))
        .extracting(ExecutionProgressed::sequence)
        .containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void pagesFollowTheSequence() {
    store.appendAll(events(1, 5));

    assertThat(store.after(executionId, 2, 2))
        .extracting(ExecutionProgressed::sequence)
        .containsExactly(3L, 4L);
    assertThat(store.after(executionId, 5, 10)).isEmpty();
  }

  @Test
  void aLongLogIsReadAcrossWindowsWithoutGapsOrRepeats() {
    store.appendAll(events(1, 100));

    assertThat(store.after(executionId, 0, 70))
        .extracting(ExecutionProgressed::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 70).boxed().toList());
    assertThat(store.after(executionId, 90, 500))
        .extracting(ExecutionProgressed::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(91, 100).boxed().toList());
  }

  private List<ExecutionEventStore.Stored> events(long from, long to) {
    return LongStream.rangeClosed(from, to)
        .mapToObj(
            n -> {
              ExecutionProgressed event =
                  new ExecutionProgressed(
                      executionId + ":" + n,
                      executionId,
                      n,
                      "node.completed",
                      "wf",
                      1,
                      "user",
                      "node" + n,
                      Instant.parse("2026-11-22T10:00:00Z"),
                      Map.of("n", n));
              return new ExecutionEventStore.Stored(event, StateJson.write(event));
            })
        .toList();
  }
}
