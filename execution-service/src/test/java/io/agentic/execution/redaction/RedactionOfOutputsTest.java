package io.agentic.execution.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionOfOutputsTest {

  @Test
  void masksCredentialHeadersAndFieldsAtAnyDepth() {
    Object output =
        Map.of(
            "headers",
            Map.of("Authorization", "Bearer x", "Set-Cookie", "a=b", "Content-Type", "text/plain"),
            "body",
            List.of(
                Map.of("client_secret", "s", "api_key", "k", "refreshToken", "t", "name", "n")));

    assertThat(Redaction.json(output))
        .isEqualTo(
            Map.of(
                "headers",
                Map.of("Authorization", "***", "Set-Cookie", "***", "Content-Type", "text/plain"),
                "body",
                List.of(
                    Map.of(
                        "client_secret",
                        "***",
                        "api_key",
                        "***",
                        "refreshToken",
                        "***",
                        "name",
                        "n"))));
  }

  @Test
  void keepsFiguresSuchAsTokenCounts() {
    assertThat(Redaction.json(Map.of("usage", Map.of("totalTokens", 10, "maxTokens", 5))))
        .isEqualTo(Map.of("usage", Map.of("totalTokens", 10, "maxTokens", 5)));
  }
}
