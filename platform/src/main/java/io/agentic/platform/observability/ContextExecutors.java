package io.agentic.platform.observability;

import io.agentic.platform.web.RequestIds;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.util.concurrent.ExecutorService;

/**
 * Executors whose tasks run in the submitter's context: its current observation (so spans they
 * open, and the Kafka records or HTTP calls they send, stay in the same trace, and {@code
 * traceId}/{@code spanId} are in their MDC) and its {@code requestId}, {@code executionId} and
 * {@code nodeId}. A worker that takes a step from a listener and runs it on a pool wraps the pool
 * once:
 *
 * <pre>{@code
 * this.pool = ContextExecutors.wrap(Executors.newFixedThreadPool(n));
 * }</pre>
 */
public final class ContextExecutors {

  private static final ContextSnapshotFactory SNAPSHOTS =
      ContextSnapshotFactory.builder().contextRegistry(registry()).clearMissing(true).build();

  private ContextExecutors() {}

  public static ExecutorService wrap(ExecutorService delegate) {
    return ContextExecutorService.wrap(delegate, SNAPSHOTS);
  }

  /**
   * Only what the suite needs, in a registry of its own: the global one is shared with Reactor in
   * the gateway, where copying MDC maps around would be a change of behaviour.
   */
  private static ContextRegistry registry() {
    ContextRegistry registry = new ContextRegistry();
    registry.registerThreadLocalAccessor(ObservationThreadLocalAccessor.getInstance());
    registry.registerThreadLocalAccessor(
        new Slf4jThreadLocalAccessor(
            RequestIds.MDC_KEY, ExecutionLogContext.MDC_KEY, ExecutionLogContext.NODE_MDC_KEY));
    return registry;
  }
}
