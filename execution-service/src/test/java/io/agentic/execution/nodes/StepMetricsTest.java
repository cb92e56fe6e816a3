package io.agentic.execution.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.contracts.execution.StepError;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.workflow.NodeType;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StepMetricsTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final StepMetrics metrics = new StepMetrics(meters);

  @Test
  void tagsEachRunWithItsLowerCaseTypeAndOutcome() {
    metrics.ran(NodeType.HTTP_REQUEST, finished(true, null), metrics.start());
    metrics.ran(NodeType.HTTP_REQUEST, finished(false, "HTTP_STATUS"), metrics.start());
    metrics.ran(NodeType.HTTP_REQUEST, finished(false, "TIMEOUT"), metrics.start());
    metrics.ran(NodeType.DATABASE, finished(true, null), metrics.start());
    metrics.ran(NodeType.DATABASE, finished(true, null), metrics.start());
    metrics.skipped(NodeType.DATABASE, metrics.start());

    assertThat(count("http_request", "success")).isEqualTo(1);
    assertThat(count("http_request", "failure")).isEqualTo(1);
    assertThat(count("http_request", "timeout")).isEqualTo(1);
    assertThat(count("database", "success")).isEqualTo(2);
    assertThat(count("database", "cancelled")).isEqualTo(1);
  }

  @Test
  void aFailureWithoutAnErrorIsAFailure() {
    assertThat(StepMetrics.outcome(finished(false, null))).isEqualTo("failure");
  }

  @Test
  void aStepOfNoKnownTypeIsTaggedUnknown() {
    assertThat(StepMetrics.type(null)).isEqualTo("unknown");
  }

  private long count(String type, String outcome) {
    Timer timer = meters.find("agentic.steps").tag("type", type).tag("outcome", outcome).timer();
    return timer == null ? 0 : timer.count();
  }

  private static StepFinished finished(boolean succeeded, String errorCode) {
    Instant now = Instant.now();
    return new StepFinished(
        "e:n:1",
        "e",
        "n",
        1,
        succeeded,
        null,
        errorCode == null ? null : new StepError(errorCode, "failed", false),
        null,
        now,
        now);
  }
}
