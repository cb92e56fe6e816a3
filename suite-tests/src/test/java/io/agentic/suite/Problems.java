package io.agentic.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.suite.GatewayClient.Answer;

/** What every error answer of the suite looks like (API.md, Conventions). */
final class Problems {
  private Problems() {}

  static void assertProblem(Answer answer, int status, String code) {
    assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
    assertThat(answer.contentType())
        .as("content type of %s", answer)
        .startsWith("application/problem+json");
    assertThat(answer.json().path("code").asString()).as("code of %s", answer).isEqualTo(code);
    assertThat(answer.json().path("status").asInt()).isEqualTo(status);
    assertThat(answer.json().path("title").asString()).isNotBlank();
    assertThat(answer.json().path("type").asString()).isNotBlank();
    assertThat(answer.header("X-Request-Id")).as("X-Request-Id of %s", answer).isNotBlank();
    assertThat(answer.raw().body()).doesNotContain("Exception", "\tat ");
  }
}
