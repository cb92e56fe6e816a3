package io.agentic.execution.nodes.http;

import static io.agentic.execution.nodes.http.Steps.get;
import static io.agentic.execution.nodes.http.Steps.properties;
import static io.agentic.execution.nodes.http.Steps.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.workflow.NodeType;
import io.agentic.platform.kafka.ContractJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

class HttpRequestStepTest {

  private TestServer server;
  private HttpRequestStep step;

  @BeforeEach
  void startServer() throws IOException {
    server = new TestServer();
    step = new HttpRequestStep(properties("127.0.0.1:" + server.port()));
  }

  @AfterEach
  void stopServer() {
    step.close();
    server.close(); // also releases handlers still waiting on the latch
  }

  @Test
  void isTheHttpRequestStep() {
    assertThat(step.type()).isEqualTo(NodeType.HTTP_REQUEST);
  }

  @Test
  void getsJsonAndParsesTheBody() {
    ExecuteStep given = step(get(server.url("/json")));

    StepFinished finished = step.execute(given);

    assertThat(finished.succeeded()).isTrue();
    assertThat(finished.error()).isNull();
    assertThat(finished.stepId()).isEqualTo(given.stepId());
    assertThat(finished.executionId()).isEqualTo(given.executionId());
    assertThat(finished.nodeId()).isEqualTo("call");
    assertThat(finished.attempt()).isEqualTo(1);
    assertThat(finished.finishedAt()).isAfterOrEqualTo(finished.startedAt());
    Map<String, Object> output = output(finished);
    assertThat(output).containsEntry("status", 200);
    assertThat(body(output)).containsEntry("hello", "world").containsEntry("count", 2);
    assertThat(headers(output))
        .containsEntry("content-type", "application/json; charset=utf-8")
        .containsEntry("x-multi", "one, two");
  }

  @Test
  void redactsSecretHeadersAndNestedJsonFields() {
    StepFinished finished = step.execute(step(get(server.url("/json"))));

    Map<String, Object> output = output(finished);
    assertThat(headers(output))
        .containsEntry("set-cookie", "***")
        .containsEntry("x-request-token", "***");
    Map<String, Object> nested = map(body(output).get("nested"));
    assertThat(nested).containsEntry("accessToken", "***");
    assertThat(nested.get("items")).isEqualTo(List.of(Map.of("password", "***", "ok", true)));
  }

  @Test
  void keepsNonJsonBodiesAsText() {
    StepFinished finished = step.execute(step(get(server.url("/text"))));

    assertThat(output(finished)).containsEntry("body", "plain text");
  }

  @Test
  void postsAMapBodyAsJsonWithTheStepIdAsIdempotencyKey() throws Exception {
    Map<String, Object> input = new HashMap<>();
    input.put("method", "POST");
    input.put("url", server.url("/echo"));
    input.put("headers", Map.of("X-Custom", "yes", "Idempotency-Key", "spoofed"));
    input.put("body", Map.of("name", "Ada", "tags", List.of("a", "b")));
    ExecuteStep given = step(input);

    StepFinished finished = step.execute(given);

    assertThat(finished.succeeded()).isTrue();
    TestServer.Received received = server.nextRequest();
    assertThat(received.method()).isEqualTo("POST");
    assertThat(received.header("Idempotency-Key")).isEqualTo(given.stepId());
    assertThat(received.header("Content-Type")).startsWith("application/json");
    assertThat(received.header("X-Custom")).isEqualTo("yes");
    assertThat(received.header("User-Agent")).isEqualTo("agentic-test");
    assertThat(ContractJson.mapper().readValue(received.body(), Map.class))
        .isEqualTo(Map.of("name", "Ada", "tags", List.of("a", "b")));
  }

  @Test
  void sendsAStringBodyAsItIsWithTheGivenContentType() throws Exception {
    Map<String, Object> input =
        Map.of(
            "method",
            "PUT",
            "url",
            server.url("/echo"),
            "headers",
            Map.of("Content-Type", "text/csv"),
            "body",
            "a,b\n1,2");

    step.execute(step(input));

    TestServer.Received received = server.nextRequest();
    assertThat(received.method()).isEqualTo("PUT");
    assertThat(received.header("Content-Type")).isEqualTo("text/csv");
    assertThat(received.body()).isEqualTo("a,b\n1,2");
  }

  @Test
  void failsOnA404WithoutRetry() {
    StepFinished finished = step.execute(step(get(server.url("/status/404"))));

    assertThat(finished.succeeded()).isFalse();
    assertThat(finished.output()).isNull();
    assertThat(finished.error().code()).isEqualTo("HTTP_STATUS");
    assertThat(finished.error().message()).contains("404");
    assertThat(finished.error().retryable()).isFalse();
  }

  @Test
  void passesA404WhenAnyStatusIsAccepted() {
    Map<String, Object> input =
        Map.of("method", "GET", "url", server.url("/status/404"), "acceptStatus", "any");

    StepFinished finished = step.execute(step(input));

    assertThat(finished.succeeded()).isTrue();
    assertThat(output(finished)).containsEntry("status", 404).containsEntry("body", "status body");
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 502, 503})
  void retriesRateLimitsAndServerErrors(int status) {
    StepFinished finished = step.execute(step(get(server.url("/status/" + status))));

    assertThat(finished.error().code()).isEqualTo("HTTP_STATUS");
    assertThat(finished.error().message()).contains(String.valueOf(status));
    assertThat(finished.error().retryable()).isTrue();
  }

  @Test
  void timesOutQuicklyWhenTheTargetDoesNotAnswer() {
    Map<String, Object> input =
        Map.of("method", "GET", "url", server.url("/slow"), "timeoutMs", 300);

    long start = System.nanoTime();
    StepFinished finished = step.execute(step(input));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(finished.error().code()).isEqualTo("TIMEOUT");
    assertThat(finished.error().retryable()).isTrue();
  }

  @Test
  void timesOutWhileTheBodyTrickles() {
    Map<String, Object> input =
        Map.of("method", "GET", "url", server.url("/slow-body"), "timeoutMs", 300);

    long start = System.nanoTime();
    StepFinished finished = step.execute(step(input));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(finished.error().code()).isEqualTo("TIMEOUT");
  }

  @Test
  void theStepBudgetCapsTheNodeTimeout() {
    Map<String, Object> input =
        Map.of("method", "GET", "url", server.url("/slow"), "timeoutMs", 60_000);

    long start = System.nanoTime();
    StepFinished finished = step.execute(step(input, 300));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(finished.error().code()).isEqualTo("TIMEOUT");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/big", "/big-chunked"})
  void failsWhenTheResponseIsOverTheCap(String path) {
    HttpStepProperties small =
        new HttpStepProperties(
            List.of("127.0.0.1:" + server.port()),
            DataSize.ofKilobytes(1),
            Duration.ofSeconds(30),
            5,
            "agentic-test");
    try (HttpRequestStep capped = new HttpRequestStep(small)) {
      StepFinished finished = capped.execute(step(get(server.url(path))));

      assertThat(finished.error().code()).isEqualTo("RESPONSE_TOO_LARGE");
      assertThat(finished.error().retryable()).isFalse();
    }
  }

  @Test
  void followsARedirectToAnAllowedHost() {
    StepFinished finished = step.execute(step(get(server.url("/redirect?to=/json"))));

    assertThat(finished.succeeded()).isTrue();
    assertThat(body(output(finished))).containsEntry("hello", "world");
  }

  @Test
  void turnsAPostIntoAGetOnSeeOther() throws Exception {
    Map<String, Object> input =
        Map.of(
            "method", "POST",
            "url", server.url("/redirect?code=303&to=/echo"),
            "body", Map.of("a", 1));

    StepFinished finished = step.execute(step(input));

    assertThat(body(output(finished))).containsEntry("method", "GET").containsEntry("body", "");
    server.nextRequest(); // the POST that was redirected
    assertThat(server.nextRequest().header("Idempotency-Key")).contains(":call:1");
  }

  @Test
  void keepsMethodAndBodyOnATemporaryRedirect() {
    Map<String, Object> input =
        Map.of(
            "method", "POST",
            "url", server.url("/redirect?code=307&to=/echo"),
            "body", Map.of("a", 1));

    StepFinished finished = step.execute(step(input));

    assertThat(body(output(finished)))
        .containsEntry("method", "POST")
        .containsEntry("body", "{\"a\":1}");
  }

  @Test
  void stopsAfterTheMaximumNumberOfRedirects() {
    assertThat(step.execute(step(get(server.url("/chain/5")))).succeeded()).isTrue();

    StepFinished finished = step.execute(step(get(server.url("/chain/6"))));

    assertThat(finished.error().code()).isEqualTo("TOO_MANY_REDIRECTS");
    assertThat(finished.error().retryable()).isFalse();
  }

  @Test
  void dropsCredentialsWhenARedirectLeavesTheOrigin() throws Exception {
    try (TestServer other = new TestServer();
        HttpRequestStep twoHosts =
            new HttpRequestStep(
                properties("127.0.0.1:" + server.port(), "127.0.0.1:" + other.port()))) {
      Map<String, Object> input =
          Map.of(
              "method", "GET",
              "url", server.url("/redirect?to=" + other.url("/echo")),
              "headers", Map.of("Authorization", "Bearer s3cret", "X-Api-Key", "k", "X-Keep", "1"));

      StepFinished finished = twoHosts.execute(step(input));

      assertThat(finished.succeeded()).isTrue();
      assertThat(server.nextRequest().header("Authorization")).isEqualTo("Bearer s3cret");
      TestServer.Received redirected = other.nextRequest();
      assertThat(redirected.header("Authorization")).isNull();
      assertThat(redirected.header("X-Api-Key")).isNull();
      assertThat(redirected.header("X-Keep")).isEqualTo("1");
    }
  }

  @Test
  void reachesAnAllowedIpv6Target() throws Exception {
    try (TestServer v6 = new TestServer(InetAddress.ofLiteral("::1"));
        HttpRequestStep allowed = new HttpRequestStep(properties("[::1]:" + v6.port()))) {
      StepFinished finished = allowed.execute(step(get(v6.url("/json"))));

      assertThat(body(output(finished))).containsEntry("hello", "world");
      assertThat(v6.nextRequest().header("Host"))
          .isEqualTo(java.net.URI.create(v6.url("/")).getAuthority());
    }
  }

  @Test
  void reportsARefusedConnectionAsRetryable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (HttpRequestStep toClosed = new HttpRequestStep(properties("127.0.0.1:" + closedPort))) {
      StepFinished finished = toClosed.execute(step(get("http://127.0.0.1:" + closedPort + "/")));

      assertThat(finished.error().code()).isEqualTo("CONNECTION_FAILED");
      assertThat(finished.error().retryable()).isTrue();
      assertThat(finished.error().message()).doesNotContainIgnoringCase("refused");
    }
  }

  @Test
  void refusesMalformedInputWithoutSending() {
    Map<String, Object> badHeader = new HashMap<>();
    badHeader.put("url", server.url("/echo"));
    badHeader.put("headers", Map.of("X-Evil", "a\r\nInjected: yes"));

    assertThat(step.execute(step(Map.of("method", "GET"))).error().code()).isEqualTo("INVALID_URL");
    assertThat(
            step.execute(step(Map.of("method", "TRACE", "url", server.url("/echo"))))
                .error()
                .code())
        .isEqualTo("INVALID_REQUEST");
    assertThat(step.execute(step(badHeader)).error().code()).isEqualTo("INVALID_REQUEST");
    assertThat(step.execute(step(null)).error().code()).isEqualTo("INVALID_REQUEST");
    assertThat(
            step.execute(step(Map.of("url", server.url("/echo"), "acceptStatus", "3xx")))
                .error()
                .code())
        .isEqualTo("INVALID_REQUEST");
    assertThat(server.receivedCount()).isZero();
  }

  @Test
  void masksSecretQueryParametersInErrorMessages() {
    StepFinished finished = step.execute(step(get(server.url("/status/401?api_key=k3y&page=2"))));

    assertThat(finished.error().message())
        .contains("api_key=***")
        .contains("page=2")
        .doesNotContain("k3y");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> output(StepFinished finished) {
    assertThat(finished.succeeded()).as("succeeded, error: %s", finished.error()).isTrue();
    return (Map<String, Object>) finished.output();
  }

  private static Map<String, Object> body(Map<String, Object> output) {
    return map(output.get("body"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> headers(Map<String, Object> output) {
    return (Map<String, String>) output.get("headers");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
