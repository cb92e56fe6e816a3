package io.agentic.gateway.edge;

import static io.agentic.gateway.GatewayClient.assertProblem;
import static io.agentic.gateway.GatewayClient.chunked;
import static io.agentic.gateway.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.gateway.GatewayIntegrationTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BodySizeLimitIT extends GatewayIntegrationTest {

  static final int MIB = 1024 * 1024;

  static byte[] bytes(int size) {
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) 'a');
    return body;
  }

  @Test
  void refusesADeclaredBodyOverOneMiBBeforeReadingIt() {
    // given a client that waits for "100 Continue" before sending, as curl does for large bodies
    String path = "/api/workflows/" + UUID.randomUUID();

    // when
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .authorized(path)
                .expectContinue(true)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(bytes(2 * MIB))));

    // then
    assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
    assertThat(WORKFLOW.received(path)).isEmpty();
  }

  @Test
  void refusesADeclaredBodyJustOverOneMiB() {
    String path = "/api/workflows/" + UUID.randomUUID();

    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .authorized(path)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(bytes(MIB + 1))));

    assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
    assertThat(WORKFLOW.received(path)).isEmpty();
  }

  @Test
  void cutsOffAChunkedBodyOverOneMiB() {
    // given a body without Content-Length
    String path = "/api/workflows/" + UUID.randomUUID();

    // when
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .authorized(path)
                .header("Content-Type", "application/json")
                .POST(chunked(bytes(MIB + 64 * 1024))));

    // then the service never got the whole of it
    assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
    assertThat(WORKFLOW.received(path)).isEmpty();
  }

  @Test
  void passesAChunkedBodyUnderTheLimitWhole() {
    String path = "/api/workflows/" + UUID.randomUUID();

    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .authorized(path)
                .header("Content-Type", "application/json")
                .POST(chunked(bytes(MIB))));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(WORKFLOW.received(path).orElseThrow().bodyBytes()).isEqualTo(MIB);
  }

  @Test
  void allowsEightMiBWhenStartingAnExecution() {
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .authorized("/api/executions")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(bytes(8 * MIB))));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("bodyBytes").asInt()).isEqualTo(8 * MIB);
  }

  @Test
  void allowsEightMiBChunkedForChatCompletions() {
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .authorized("/v1/chat/completions")
                .header("Content-Type", "application/json")
                .POST(chunked(bytes(8 * MIB))));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("bodyBytes").asInt()).isEqualTo(8 * MIB);
  }

  @Test
  void refusesMoreThanEightMiBWhenStartingAnExecution() {
    HttpResponse<byte[]> declared =
        gateway.send(
            gateway
                .authorized("/api/executions")
                .expectContinue(true)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(bytes(8 * MIB + 1))));
    HttpResponse<byte[]> streamed =
        gateway.send(
            gateway
                .authorized("/api/executions")
                .header("Content-Type", "application/json")
                .POST(chunked(bytes(8 * MIB + 64 * 1024))));

    assertProblem(declared, 413, "PAYLOAD_TOO_LARGE");
    assertProblem(streamed, 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void keepsTheDefaultLimitForOtherExecutionCalls() {
    String path = "/api/executions/" + UUID.randomUUID() + "/retry";

    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .authorized(path)
                .header("Content-Type", "application/json")
                .POST(chunked(bytes(2 * MIB))));

    assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
    assertThat(EXECUTION.received(path)).isEmpty();
  }

  @Test
  void capsTheEchoAtOneMiBToo() {
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .request("/api/public/echo")
                .header("Content-Type", "text/plain")
                .POST(chunked(bytes(MIB + 64 * 1024))));

    assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void refusesAnOversizedBodyEvenWithoutToken() {
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .request("/api/workflows")
                .expectContinue(true)
                .POST(BodyPublishers.ofByteArray(bytes(2 * MIB))));

    assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
  }
}
