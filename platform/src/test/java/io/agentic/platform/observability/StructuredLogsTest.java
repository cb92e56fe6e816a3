package io.agentic.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.platform.web.RequestIds;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code AGENTIC_LOG_FORMAT=json} turns the console into one JSON object per line carrying the
 * request and execution ids; without it, lines stay readable text.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

  private static final Logger log = LoggerFactory.getLogger(StructuredLogsTest.class);

  /** Boot keeps the format in a JVM-wide system property that a later start does not reset. */
  static final String FORMAT_PROPERTY = "CONSOLE_LOG_STRUCTURED_FORMAT";

  @BeforeEach
  @AfterEach
  void forgetTheFormat() {
    System.clearProperty(FORMAT_PROPERTY);
  }

  @Test
  void writesOneJsonObjectPerLineWithTheIdsWhenAskedTo(CapturedOutput output) {
    String marker = "json-" + UUID.randomUUID();

    logWith("agentic.log-format=json", marker);

    String line = lineWith(output, marker);
    JsonNode json = JsonMapper.builder().build().readTree(line);
    assertThat(json.path("message").asString()).isEqualTo("handled " + marker);
    assertThat(json.path("requestId").asString()).isEqualTo("req-" + marker);
    assertThat(json.path("executionId").asString()).isEqualTo("exec-" + marker);
    assertThat(json.path("service").path("name").asString()).isEqualTo("logs-test");
    assertThat(json.path("log").path("level").asString()).isEqualTo("INFO");
    assertThat(json.has("@timestamp")).isTrue();
  }

  @Test
  void writesReadableTextOtherwise(CapturedOutput output) {
    String marker = "text-" + UUID.randomUUID();

    logWith("agentic.log-format=", marker);

    String line = lineWith(output, marker);
    assertThat(line).doesNotStartWith("{").contains("INFO").endsWith("handled " + marker);
  }

  private static void logWith(String format, String marker) {
    try (var context =
        new SpringApplicationBuilder(Empty.class)
            .web(WebApplicationType.NONE)
            .properties(format, "spring.application.name=logs-test")
            .run()) {
      MDC.put(RequestIds.MDC_KEY, "req-" + marker);
      try {
        ExecutionLogContext.with("exec-" + marker, () -> log.info("handled {}", marker));
      } finally {
        MDC.remove(RequestIds.MDC_KEY);
      }
    }
  }

  private static String lineWith(CapturedOutput output, String marker) {
    return output
        .getOut()
        .lines()
        .filter(l -> l.contains(marker))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line with " + marker + " in:\n" + output));
  }

  @Configuration(proxyBeanMethods = false)
  static class Empty {}
}
