package io.agentic.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ObservabilityEnvironmentTest {

  @Test
  void jsonAsksForEcsAndOtherKnownFormatsPassThrough() {
    assertThat(ObservabilityEnvironment.consoleFormat("json")).isEqualTo("ecs");
    assertThat(ObservabilityEnvironment.consoleFormat(" JSON ")).isEqualTo("ecs");
    assertThat(ObservabilityEnvironment.consoleFormat("ecs")).isEqualTo("ecs");
    assertThat(ObservabilityEnvironment.consoleFormat("logstash")).isEqualTo("logstash");
    assertThat(ObservabilityEnvironment.consoleFormat("gelf")).isEqualTo("gelf");
  }

  @Test
  void anythingElseKeepsPlainText() {
    assertThat(ObservabilityEnvironment.consoleFormat(null)).isNull();
    assertThat(ObservabilityEnvironment.consoleFormat("")).isNull();
    assertThat(ObservabilityEnvironment.consoleFormat("text")).isNull();
  }

  @Test
  void nothingIsDerivedWhenNoVariableIsSet() {
    assertThat(ObservabilityEnvironment.derive(new MockEnvironment())).isEmpty();
  }

  @Test
  void theOtlpBaseEndpointGetsTheTracesPath() {
    MockEnvironment env =
        new MockEnvironment().withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/");

    assertThat(ObservabilityEnvironment.derive(env))
        .containsEntry(
            "management.opentelemetry.tracing.export.otlp.endpoint",
            "http://collector:4318/v1/traces");
  }

  @Test
  void theTracesEndpointIsTakenAsItIs() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")
            .withProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:9999/in");

    assertThat(ObservabilityEnvironment.derive(env))
        .containsEntry(
            "management.opentelemetry.tracing.export.otlp.endpoint", "http://traces:9999/in");
  }

  @Test
  void blankVariablesMeanUnset() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", " ")
            .withProperty("agentic.log-format", "");

    assertThat(ObservabilityEnvironment.derive(env)).isEmpty();
  }

  @Test
  void bootsOwnSettingsWin() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("agentic.log-format", "json")
            .withProperty("logging.structured.format.console", "logstash")
            .withProperty("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")
            .withProperty(
                "management.opentelemetry.tracing.export.otlp.endpoint", "http://mine/v1/traces");

    assertThat(ObservabilityEnvironment.derive(env)).isEmpty();
  }
}
