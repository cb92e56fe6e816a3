package io.agentic.execution.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Authorization",
        "cookie",
        "Set-Cookie",
        "Proxy-Authorization",
        "X-API-Key",
        "x-api-key",
        "api_key",
        "apiKey",
        "X-Auth-Token",
        "access_token",
        "refreshToken",
        "clientSecret",
        "DB_PASSWORD",
      })
  void treatsAsSecret(String name) {
    assertThat(Redaction.isSensitive(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Content-Type", "X-Request-Id", "name", "author", "keyboard", "pass"})
  void treatsAsPlain(String name) {
    assertThat(Redaction.isSensitive(name)).isFalse();
  }

  @Test
  void masksSecretHeadersAndKeepsTheOthersInOrder() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", "application/json");
    headers.put("set-cookie", "session=1");
    headers.put("authorization", "Bearer x");
    headers.put("x-upstream-token", "t");

    assertThat(Redaction.headers(headers))
        .containsExactly(
            Map.entry("content-type", "application/json"),
            Map.entry("set-cookie", "***"),
            Map.entry("authorization", "***"),
            Map.entry("x-upstream-token", "***"));
  }

  @Test
  void masksSecretFieldsAtAnyDepthWithoutChangingTheInput() {
    Map<String, Object> json =
        Map.of(
            "user", Map.of("name", "ada", "password", "hunter2"),
            "keys", List.of(Map.of("apiKey", "k1", "id", 1), "plain"),
            "secrets", Map.of("a", "b"),
            "count", 3);

    Object redacted = Redaction.json(json);

    assertThat(redacted)
        .isEqualTo(
            Map.of(
                "user",
                Map.of("name", "ada", "password", "***"),
                "keys",
                List.of(Map.of("apiKey", "***", "id", 1), "plain"),
                "secrets",
                "***",
                "count",
                3));
    assertThat(json.get("user")).isEqualTo(Map.of("name", "ada", "password", "hunter2"));
    assertThat(Redaction.json("text")).isEqualTo("text");
    assertThat(Redaction.json(null)).isNull();
  }

  @Test
  void masksUserinfoAndSecretQueryParametersInUrls() {
    assertThat(Redaction.url("https://u:p@api.test/x?api_key=abc&page=2&token=t#top"))
        .isEqualTo("https://***@api.test/x?api_key=***&page=2&token=***#top");
    assertThat(Redaction.url("https://api.test/x")).isEqualTo("https://api.test/x");
    assertThat(Redaction.url("https://api.test/x?flag")).isEqualTo("https://api.test/x?flag");
  }
}
