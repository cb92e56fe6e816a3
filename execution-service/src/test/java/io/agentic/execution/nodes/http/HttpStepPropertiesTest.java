package io.agentic.execution.nodes.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

/**
 * Binding as execution-service.yml will do it: {@code allow-hosts: ${AGENTIC_HTTP_ALLOW_HOSTS:}}.
 */
class HttpStepPropertiesTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(HttpStepConfiguration.class, HttpRequestStep.class)
          .withPropertyValues("agentic.http.allow-hosts=${AGENTIC_HTTP_ALLOW_HOSTS:}");

  @Test
  void defaultsToNoExceptionsTenMebibytesThirtySecondsFiveRedirects() {
    context.run(
        started -> {
          HttpStepProperties properties = started.getBean(HttpStepProperties.class);
          assertThat(properties.allowHosts()).isEmpty();
          assertThat(properties.maxResponseBytes()).isEqualTo(DataSize.ofBytes(10 * 1024 * 1024));
          assertThat(properties.defaultTimeout()).isEqualTo(Duration.ofSeconds(30));
          assertThat(properties.maxRedirects()).isEqualTo(5);
          assertThat(properties.userAgent()).isNotBlank();
          assertThat(started).hasSingleBean(HttpRequestStep.class);
        });
  }

  @Test
  void readsTheAllowListFromTheEnvironmentVariable() {
    context
        .withSystemProperties("AGENTIC_HTTP_ALLOW_HOSTS=mock.internal:8080, 10.0.0.0/8,[::1]:9000")
        .withPropertyValues(
            "agentic.http.max-response-bytes=1MB", "agentic.http.default-timeout=5s")
        .run(
            started -> {
              HttpStepProperties properties = started.getBean(HttpStepProperties.class);
              assertThat(properties.allowHosts())
                  .map(String::trim)
                  .containsExactly("mock.internal:8080", "10.0.0.0/8", "[::1]:9000");
              assertThat(properties.maxResponseBytes()).isEqualTo(DataSize.ofMegabytes(1));
              assertThat(properties.defaultTimeout()).isEqualTo(Duration.ofSeconds(5));
              assertThat(started).hasSingleBean(HttpRequestStep.class);
            });
  }

  @Test
  void refusesToStartWithAnInvalidAllowListEntry() {
    context
        .withSystemProperties("AGENTIC_HTTP_ALLOW_HOSTS=mock.internal,http://bad.example/")
        .run(
            started ->
                assertThat(started)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("'http://bad.example/'")
                    .hasMessageContaining("AGENTIC_HTTP_ALLOW_HOSTS"));
  }
}
