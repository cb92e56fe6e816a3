package io.agentic.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Spans leave the process only when the operator names a collector. */
class OtlpExportTest {

  @Test
  void noExporterExistsWithoutAnEndpoint() {
    assertThat(exporters()).isEmpty();
  }

  @Test
  void theStandardVariableCreatesAnOtlpHttpExporterForTraces() {
    Map<String, SpanExporter> exporters =
        exporters("OTEL_EXPORTER_OTLP_ENDPOINT=http://collector.example:4318");

    assertThat(exporters.values())
        .singleElement()
        .isInstanceOf(OtlpHttpSpanExporter.class)
        .asString()
        .contains("endpoint=http://collector.example:4318/v1/traces");
  }

  private static Map<String, SpanExporter> exporters(String... properties) {
    try (var context =
        new SpringApplicationBuilder(Tracing.class)
            .web(WebApplicationType.NONE)
            .properties(properties)
            .run()) {
      return context.getBeansOfType(SpanExporter.class);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({
    OpenTelemetrySdkAutoConfiguration.class,
    OpenTelemetryTracingAutoConfiguration.class,
    OtlpTracingAutoConfiguration.class
  })
  static class Tracing {}
}
