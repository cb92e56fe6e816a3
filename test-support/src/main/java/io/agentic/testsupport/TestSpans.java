package io.agentic.testsupport;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Collects every span finished by every Spring context it initializes, in one in-memory list for
 * the whole test JVM, so a test can follow one trace across services (local mode runs them all in
 * one JVM). Add it next to {@link TestInfrastructureInitializer}:
 * {@code @ContextConfiguration(initializers = {TestInfrastructureInitializer.class,
 * TestSpans.class})}, or pass it to each service's {@code SpringApplicationBuilder.initializers}.
 * Spans arrive as they end, not in batches; tests keep apart by trace id.
 */
public class TestSpans implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    // Boot's tracer provider takes every SpanProcessor bean.
    context.getBeanFactory().registerSingleton("testSpansProcessor", new Collector());
  }

  /** Every span finished so far, oldest first. */
  public static List<SpanData> all() {
    return SPANS.getFinishedSpanItems();
  }

  /** The finished spans of one trace (a 32-hex-digit id), oldest first. */
  public static List<SpanData> ofTrace(String traceId) {
    return all().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
  }

  /**
   * Hands each finished span to the shared list at once. Closing a context shuts its processors
   * down; this one ignores that, so the list outlives any one context.
   */
  private static final class Collector implements SpanProcessor {

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      if (span.getSpanContext().isSampled()) {
        SPANS.export(List.of(span.toSpanData()));
      }
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
