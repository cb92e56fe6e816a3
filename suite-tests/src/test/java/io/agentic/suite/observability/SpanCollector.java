package io.agentic.suite.observability;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every span finished by every service context of this test JVM, in memory: test-support's {@code
 * TestSpans}, which suite-tests cannot use without depending on test-support (it does not). Given
 * to every service through {@code LocalSettings.withInitializers}; Boot's tracer provider takes
 * every {@link SpanProcessor} bean. Tests keep apart by trace id.
 */
public class SpanCollector
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  private static final ConcurrentLinkedQueue<SpanData> SPANS = new ConcurrentLinkedQueue<>();

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context.getBeanFactory().registerSingleton("suiteSpanCollector", new Collector());
  }

  static List<SpanData> all() {
    return List.copyOf(SPANS);
  }

  static List<SpanData> ofTrace(String traceId) {
    return all().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
  }

  /** The service that finished the span, from its resource ({@code spring.application.name}). */
  static String service(SpanData span) {
    return span.getResource().getAttribute(SERVICE_NAME);
  }

  /** Hands each finished span over at once; survives its context being closed. */
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
        SPANS.add(span.toSpanData());
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
