/**
 * Operability, the same in every service: one execution is one trace across HTTP and Kafka (W3C
 * trace context, Micrometer Observation over the OpenTelemetry SDK, OTLP export only when an
 * endpoint is configured), console logs as JSON when {@code AGENTIC_LOG_FORMAT=json} with {@code
 * requestId}, {@code traceId}, {@code spanId} and {@code executionId} (and {@code nodeId} in step
 * workers), the names of the suite's own metrics ({@link
 * io.agentic.platform.observability.AgenticMetrics}), and helpers that carry the execution id and
 * the trace across thread hand-offs and across time ({@link
 * io.agentic.platform.observability.ExecutionLogContext}, {@link
 * io.agentic.platform.observability.ContextExecutors}, {@link
 * io.agentic.platform.observability.TraceContinuation}).
 */
package io.agentic.platform.observability;
