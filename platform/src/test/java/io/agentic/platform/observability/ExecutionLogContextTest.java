package io.agentic.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ExecutionLogContextTest {

  @AfterEach
  void clear() {
    MDC.clear();
  }

  @Test
  void putsTheIdInTheMdcUntilClosed() {
    try (var scope = ExecutionLogContext.open("exec-1")) {
      assertThat(MDC.get("executionId")).isEqualTo("exec-1");
    }

    assertThat(MDC.get("executionId")).isNull();
  }

  @Test
  void nestedScopesRestoreTheOuterId() {
    ExecutionLogContext.with(
        "parent",
        () -> {
          String inner = ExecutionLogContext.with("child", () -> MDC.get("executionId"));
          assertThat(inner).isEqualTo("child");
          assertThat(MDC.get("executionId")).isEqualTo("parent");
        });

    assertThat(MDC.get("executionId")).isNull();
  }

  @Test
  void aNullIdChangesNothing() {
    MDC.put("executionId", "known");

    try (var scope = ExecutionLogContext.open(null)) {
      assertThat(MDC.get("executionId")).isEqualTo("known");
    }

    assertThat(MDC.get("executionId")).isEqualTo("known");
  }

  @Test
  void aWorkerPutsTheNodeBesideTheExecutionAndTakesBothAway() {
    MDC.put("executionId", "outer");

    try (var scope = ExecutionLogContext.open("exec-1", "call")) {
      assertThat(MDC.get("executionId")).isEqualTo("exec-1");
      assertThat(MDC.get("nodeId")).isEqualTo("call");
    }

    assertThat(MDC.get("executionId")).isEqualTo("outer");
    assertThat(MDC.get("nodeId")).isNull();
  }

  @Test
  void aNullNodeStillSetsTheExecution() {
    try (var scope = ExecutionLogContext.open("exec-1", null)) {
      assertThat(MDC.get("executionId")).isEqualTo("exec-1");
      assertThat(MDC.get("nodeId")).isNull();
    }
  }
}
