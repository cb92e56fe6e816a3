package io.agentic.platform.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps one execution in one trace when its work continues later, outside the request or record
 * that started it: an outbox relay publishing what a crash left unsent, a timer firing a delay or a
 * retry, a sweeper. Store {@link #current()} with the execution when it starts, and wrap the later
 * work in {@link #resume}; the messages it sends then carry the original trace.
 *
 * <pre>{@code
 * execution.setTraceParent(traces.current());                  // when accepted
 * traces.resume(execution.traceParent(), "agentic.timer.fire", () -> fire(timer));  // later
 * }</pre>
 *
 * The name becomes an observation (a span, and a timer metric): keep it a fixed, low-cardinality
 * name, never an id.
 */
public class TraceContinuation {

  static final String TRACEPARENT = "traceparent";

  private final Tracer tracer;
  private final Propagator propagator;
  private final ObservationRegistry observations;

  public TraceContinuation(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
    this.tracer = tracer;
    this.propagator = propagator;
    this.observations = observations;
  }

  /** The W3C {@code traceparent} of the current span; null outside any trace. */
  public String current() {
    Span span = tracer.currentSpan();
    if (span == null) {
      return null;
    }
    Map<String, String> headers = new HashMap<>();
    propagator.inject(span.context(), headers, Map::put);
    return headers.get(TRACEPARENT);
  }

  /** Runs the work in a span that continues the stored trace; a new trace when there is none. */
  public void resume(String traceParent, String name, Runnable work) {
    observation(traceParent, name).observe(work);
  }

  public <T> T resume(String traceParent, String name, Supplier<T> work) {
    return observation(traceParent, name).observe(work);
  }

  private Observation observation(String traceParent, String name) {
    ReceiverContext<Map<String, String>> context =
        new ReceiverContext<>((carrier, key) -> carrier.get(key), Kind.CONSUMER);
    context.setCarrier(
        traceParent == null || traceParent.isBlank() ? Map.of() : Map.of(TRACEPARENT, traceParent));
    return Observation.createNotStarted(name, () -> context, observations);
  }
}
