package io.agentic.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.workflow.Api;
import io.agentic.workflow.Api.Answer;
import io.agentic.workflow.TestTokens;
import io.agentic.workflow.WorkflowBodies;
import io.agentic.workflow.WorkflowServiceTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@WorkflowServiceTest
class BodySizeLimitIT {

  static final int MIB = 1024 * 1024;

  @LocalServerPort int port;

  Api api;
  String token;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    token = TestTokens.user(TestTokens.newUserId());
  }

  /** A valid workflow padded with a long description to exactly {@code size} bytes. */
  private static byte[] workflowOfSize(int size) {
    Map<String, Object> body = WorkflowBodies.minimal("big");
    body.put("description", "");
    int base = Api.JSON.writeValueAsBytes(body).length;
    body.put("description", "d".repeat(size - base));
    byte[] bytes = Api.JSON.writeValueAsBytes(body);
    assertThat(bytes).hasSize(size);
    return bytes;
  }

  private Answer post(HttpRequest.BodyPublisher body) {
    return api.send("POST", "/api/workflows", token, body);
  }

  @Test
  void rejectsADeclaredLengthOverOneMebibyteWith413() {
    Answer answer = post(HttpRequest.BodyPublishers.ofByteArray(workflowOfSize(MIB + 1)));

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    assertThat(answer.body().path("status").asInt()).isEqualTo(413);
    assertThat(answer.header("X-Request-Id")).isNotBlank();
  }

  @Test
  void rejectsAChunkedBodyOverOneMebibyteWith413() {
    byte[] bytes = workflowOfSize(MIB + 1);

    Answer answer =
        post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.code()).isEqualTo("PAYLOAD_TOO_LARGE");
  }

  @Test
  void readsAChunkedBodyUnderTheLimit() {
    byte[] bytes =
        Api.JSON
            .writeValueAsString(WorkflowBodies.minimal("chunked"))
            .getBytes(StandardCharsets.UTF_8);

    Answer answer =
        post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    assertThat(answer.body().path("name").asString()).isEqualTo("chunked");
  }

  @Test
  void judgesABodyOfExactlyOneMebibyteOnItsContent() {
    // The description is over 2,000 characters: the body is read and found invalid, not too large.
    Answer answer = post(HttpRequest.BodyPublishers.ofByteArray(workflowOfSize(MIB)));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.code()).isEqualTo("GRAPH_INVALID");
  }
}
