package io.agentic.platform.observability;

import io.opentelemetry.api.trace.Span;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Puts an execution's id on every log line written while handling it (MDC key {@code executionId}),
 * and on the current span as {@code agentic.execution.id} so the trace can be found by execution. A
 * step's worker adds the node it runs ({@code nodeId}, span attribute {@code agentic.node.id}). Use
 * it where the id becomes known, typically first thing in a Kafka listener:
 *
 * <pre>{@code
 * @KafkaListener(topics = Topics.EXECUTION_STEPS_HTTP)
 * void on(ExecuteStep step) {
 *   try (var scope = ExecutionLogContext.open(step.executionId(), step.nodeId())) {
 *     worker.run(step);
 *   }
 * }
 * }</pre>
 *
 * or {@code ExecutionLogContext.with(id, () -> ...)}. The previous value is restored on close, so
 * scopes nest. The MDC is per thread: work handed to another thread keeps the id only through
 * {@link ContextExecutors}.
 */
public final class ExecutionLogContext {

  public static final String MDC_KEY = "executionId";
  public static final String SPAN_ATTRIBUTE = "agentic.execution.id";
  public static final String NODE_MDC_KEY = "nodeId";
  public static final String NODE_SPAN_ATTRIBUTE = "agentic.node.id";

  private ExecutionLogContext() {}

  /** Sets the execution id until the returned scope is closed; a null id changes nothing. */
  public static Scope open(String executionId) {
    return put(MDC_KEY, SPAN_ATTRIBUTE, executionId);
  }

  /**
   * Sets the execution id and the id of the node being run until the returned scope is closed; a
   * null id leaves its key as it was.
   */
  public static Scope open(String executionId, String nodeId) {
    Scope execution = open(executionId);
    Scope node = put(NODE_MDC_KEY, NODE_SPAN_ATTRIBUTE, nodeId);
    return () -> {
      node.close();
      execution.close();
    };
  }

  private static Scope put(String key, String spanAttribute, String value) {
    if (value == null) {
      return () -> {};
    }
    String previous = MDC.get(key);
    MDC.put(key, value);
    // A no-op when no span is current (no tracing, or outside any observation).
    Span.current().setAttribute(spanAttribute, value);
    return () -> {
      if (previous == null) {
        MDC.remove(key);
      } else {
        MDC.put(key, previous);
      }
    };
  }

  public static void with(String executionId, Runnable work) {
    try (Scope scope = open(executionId)) {
      work.run();
    }
  }

  public static <T> T with(String executionId, Supplier<T> work) {
    try (Scope scope = open(executionId)) {
      return work.get();
    }
  }

  /** Restores the previous execution id; closing twice is harmless only for the outermost. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
