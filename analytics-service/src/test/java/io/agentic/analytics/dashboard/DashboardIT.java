package io.agentic.analytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentic.analytics.FakeService;
import io.agentic.analytics.FastStateDir;
import io.agentic.analytics.TestTokens;
import io.agentic.contracts.Topics;
import io.agentic.contracts.execution.ExecutionProgressed;
import io.agentic.platform.kafka.ContractJson;
import io.agentic.platform.security.TokenDenyList;
import io.agentic.testsupport.TestInfrastructureInitializer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=analytics-service")
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
@Import(TestTokens.Decoder.class)
class DashboardIT {

  private static final String RUN = "analytics-it-" + UUID.randomUUID();
  private static final FakeService SERVICES =
      FakeService.start()
          .answer(
              "/actuator/health",
              200,
              """
              {"status":"UP","components":{"mongo":{"status":"UP"},"redis":{"status":"UP"}}}""");
  private static final FakeService AI_ROUTER =
      FakeService.start()
          .answer("/actuator/health", 200, "{\"status\":\"UP\"}")
          .answer("/api/ai/test", 200, "{\"results\":[{\"provider\":\"gemini\",\"ok\":true}]}");
  private static final List<String> ENDPOINTS =
      List.of(
          "/api/dashboard/overview",
          "/api/dashboard/ai-status",
          "/api/dashboard/workflows",
          "/api/dashboard/health",
          "/api/dashboard/metrics",
          "/api/dashboard/stream");

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired KafkaTemplate<String, Object> kafka;
  @Autowired ApplicationContext context;
  @Autowired StringRedisTemplate redis;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    Path stateDir = FastStateDir.under(Path.of(System.getProperty("java.io.tmpdir")));
    registry.add("spring.kafka.streams.application-id", () -> RUN);
    registry.add("spring.kafka.streams.state-dir", () -> stateDir.resolve(RUN).toString());
    registry.add("spring.kafka.streams.replication-factor", () -> 1);
    registry.add("spring.kafka.streams.state-store-cache-max-size", () -> "0");
    registry.add("spring.kafka.streams.properties.commit.interval.ms", () -> 100);
    registry.add("spring.kafka.streams.cleanup.on-shutdown", () -> true);
    registry.add("agentic.analytics.dashboard-topic", () -> RUN + ".dashboard");
    registry.add("agentic.analytics.health-cache-ttl", () -> "0s");
    for (String service : List.of("gateway", "auth", "workflow", "execution", "analytics")) {
      registry.add("agentic.analytics.service-urls." + service, SERVICES::url);
    }
    registry.add("agentic.analytics.service-urls.ai-router", AI_ROUTER::url);
  }

  @AfterAll
  static void stopFakes() {
    SERVICES.close();
    AI_ROUTER.close();
  }

  @BeforeEach
  void awaitStreamsRunning() {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> get("/api/dashboard/overview", TestTokens.admin()).statusCode() == 200);
  }

  @Test
  void countsExecutionsPublishedToKafkaOnceEach() throws Exception {
    // given the figures before
    long before = overview().get("executionsToday").asLong();
    String workflowId = "wf-" + UUID.randomUUID();
    List<String> executionIds =
        Stream.generate(() -> UUID.randomUUID().toString()).limit(3).toList();

    // when three executions start and complete, each record delivered twice
    Instant now = Instant.now();
    for (String id : executionIds) {
      ExecutionProgressed started =
          event(id, 1, "execution.started", workflowId, now, Map.of("status", "running"));
      ExecutionProgressed completed =
          event(
              id,
              7,
              "execution.completed",
              workflowId,
              now.plusMillis(250),
              Map.of("status", "completed", "durationMs", 250));
      for (int delivery = 0; delivery < 2; delivery++) {
        kafka.send(Topics.EXECUTION_EVENTS, id, started).get();
        kafka.send(Topics.EXECUTION_EVENTS, id, completed).get();
      }
    }

    // then the overview counts three more executions today, within a few seconds
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> overview().get("executionsToday").asLong() >= before + 3);
    JsonNode overview = overview();
    assertThat(overview.get("executionsToday").asLong()).isEqualTo(before + 3);
    assertThat(overview.get("recentExecutions").valueStream().map(e -> e.get("id").asString()))
        .containsAll(executionIds);
    assertThat(overview.get("successRate").asDouble()).isPositive();

    // and the workflow's figures and the current minute show them too
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              JsonNode workflow = workflowFigures(workflowId);
              assertThat(workflow).isNotNull();
              assertThat(workflow.get("executions").asLong()).isEqualTo(3);
              assertThat(workflow.get("completed").asLong()).isEqualTo(3);
              assertThat(workflow.get("successRate").asDouble()).isEqualTo(1.0);
            });
    JsonNode metrics = json(get("/api/dashboard/metrics", TestTokens.admin()));
    assertThat(metrics.get("series").valueStream().mapToLong(m -> m.get("started").asLong()).sum())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void answersForbiddenToEveryoneButAdmins() throws Exception {
    for (String token : List.of(TestTokens.user(), TestTokens.viewer())) {
      for (String endpoint : ENDPOINTS) {
        HttpResponse<String> response = get(endpoint, token);
        assertThat(response.statusCode()).as(endpoint).isEqualTo(403);
        assertThat(json(response).get("code").asString()).isEqualTo("FORBIDDEN");
      }
      assertThat(post("/api/dashboard/test-ai", token).statusCode()).isEqualTo(403);
    }
    assertThat(AI_ROUTER.authorizations).noneMatch(a -> a.contains(TestTokens.user()));
  }

  @Test
  void answersUnauthorizedWithoutAToken() throws Exception {
    for (String endpoint : ENDPOINTS) {
      HttpResponse<String> response = get(endpoint, null);
      assertThat(response.statusCode()).as(endpoint).isEqualTo(401);
      assertThat(json(response).get("code").asString()).isEqualTo("UNAUTHORIZED");
    }
    assertThat(post("/api/dashboard/test-ai", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/dashboard/overview", "not-a-jwt").statusCode()).isEqualTo(401);
  }

  @Test
  void rejectsABadMetricsRange() throws Exception {
    String now = Instant.now().toString();
    String dayAndMinuteAgo = Instant.now().minus(Duration.ofHours(24).plusMinutes(1)).toString();
    for (String query :
        List.of(
            "?from=" + now + "&to=" + now,
            "?from=" + dayAndMinuteAgo + "&to=" + now,
            "?from=yesterday",
            "?to=2025-13-01T00:00:00Z")) {
      HttpResponse<String> response = get("/api/dashboard/metrics" + query, TestTokens.admin());
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(json(response).get("code").asString()).isEqualTo("INVALID_RANGE");
    }
  }

  @Test
  void answersTheLastHourByDefaultMinuteByMinute() throws Exception {
    JsonNode metrics = json(get("/api/dashboard/metrics", TestTokens.admin()));

    Instant from = Instant.parse(metrics.get("from").asString());
    Instant to = Instant.parse(metrics.get("to").asString());
    assertThat(Duration.between(from, to))
        .isBetween(Duration.ofMinutes(60), Duration.ofMinutes(61));
    assertThat(metrics.get("series").size()).isBetween(60, 61);
    JsonNode first = metrics.get("series").get(0);
    assertThat(Instant.parse(first.get("minute").asString())).isEqualTo(from);
    assertThat(first.has("durationMsP95")).isTrue();
  }

  @Test
  void rejectsBadPaging() throws Exception {
    for (String query : List.of("?size=0", "?size=101", "?page=-1", "?page=x")) {
      HttpResponse<String> response = get("/api/dashboard/workflows" + query, TestTokens.admin());
      assertThat(response.statusCode()).as(query).isEqualTo(400);
    }
    JsonNode page = json(get("/api/dashboard/workflows?page=0&size=5", TestTokens.admin()));
    assertThat(page.get("size").asInt()).isEqualTo(5);
    assertThat(page.get("items").size()).isLessThanOrEqualTo(5);
  }

  @Test
  void reportsTheHealthOfEveryServiceAndOfKafka() throws Exception {
    JsonNode health = json(get("/api/dashboard/health", TestTokens.admin()));

    assertThat(health.get("services").propertyNames())
        .contains("gateway", "auth", "workflow", "execution", "ai-router", "analytics");
    assertThat(health.get("services").get("gateway").get("status").asString()).isEqualTo("UP");
    assertThat(health.get("kafka").get("status").asString()).isEqualTo("UP");
    assertThat(health.get("kafka").get("streamsState").asString()).isEqualTo("RUNNING");
    assertThat(health.get("mongodb").get("status").asString()).isEqualTo("UP");
    assertThat(health.get("redis").get("status").asString()).isEqualTo("UP");
  }

  @Test
  void probesTheServicesWithinTheCallersTraceAndTimesTheProbes() throws Exception {
    // given a caller that starts a trace
    String traceId = UUID.randomUUID().toString().replace("-", "");
    HttpRequest request =
        HttpRequest.newBuilder(url("/api/dashboard/health"))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + TestTokens.admin())
            .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
            .build();

    // when it asks for the suite's health
    HttpResponse<String> health = http.send(request, HttpResponse.BodyHandlers.ofString());

    // then the services were asked within that trace (five of them answer from SERVICES; the
    // AI router's fake may be closed by another test), and the probes were timed
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(SERVICES.traceparents.stream().filter(t -> t.startsWith("00-" + traceId + "-")))
        .hasSize(5);
    assertThat(get("/actuator/prometheus", null).body())
        .containsPattern("http_client_requests_seconds_count\\{[^}]*status=\"200\"");
  }

  @Test
  void forwardsTheAiTestWithTheCallersTokenAndAnswers503WhenTheRouterIsDown() throws Exception {
    // given an admin
    String admin = TestTokens.admin();

    // when they ask for the AI test, the router answers it on their behalf
    HttpResponse<String> answer = post("/api/dashboard/test-ai", admin);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(json(answer).get("results").get(0).get("provider").asString()).isEqualTo("gemini");
    assertThat(AI_ROUTER.authorizations).contains("Bearer " + admin);

    // when the router is down, the answer is a 503 problem
    AI_ROUTER.close();
    HttpResponse<String> down = post("/api/dashboard/test-ai", admin);
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(json(down).get("code").asString()).isEqualTo("AI_ROUTER_UNAVAILABLE");
  }

  @Test
  void streamsTheOverviewAsServerSentEvents() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(url("/api/dashboard/stream"))
            .header("Authorization", "Bearer " + TestTokens.admin())
            .header("Accept", "text/event-stream")
            .build();

    HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
    try (Stream<String> lines = response.body()) {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
      List<String> firstEvent = lines.takeWhile(line -> !line.isEmpty()).toList();
      assertThat(firstEvent).contains("event:overview");
      String data =
          firstEvent.stream().filter(l -> l.startsWith("data:")).findFirst().orElseThrow();
      assertThat(ContractJson.mapper().readTree(data.substring(5)).has("executionsToday")).isTrue();
    }
  }

  @Test
  void startsWithoutAMongoClientThoughMongosStartersAreOnTheClasspath() {
    assertThat(classPresent("com.mongodb.client.MongoClient")).isTrue();
    assertThat(classPresent("org.springframework.data.mongodb.core.MongoTemplate")).isTrue();
    assertThat(context.getBeanNamesForType(com.mongodb.client.MongoClient.class)).isEmpty();
    assertThat(
            context.getBeanNamesForType(org.springframework.data.mongodb.core.MongoTemplate.class))
        .isEmpty();
  }

  @Test
  void refusesATokenRevokedOnTheDenyList() throws Exception {
    // given an admin whose token auth-service has revoked (logout)
    String tokenId = UUID.randomUUID().toString();
    String token = TestTokens.forRole("admin", tokenId);
    assertThat(get("/api/dashboard/overview", token).statusCode()).isEqualTo(200);
    redis.opsForValue().set(TokenDenyList.JTI_PREFIX + tokenId, "1", Duration.ofMinutes(15));

    // then the dashboard refuses it at once
    HttpResponse<String> response = get("/api/dashboard/overview", token);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("code").asString()).isEqualTo("UNAUTHORIZED");
  }

  // --- helpers

  private JsonNode overview() throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/dashboard/overview", TestTokens.admin());
    assertThat(response.statusCode()).isEqualTo(200);
    return json(response);
  }

  private JsonNode workflowFigures(String workflowId) throws IOException, InterruptedException {
    JsonNode page = json(get("/api/dashboard/workflows?size=100", TestTokens.admin()));
    return page.get("items")
        .valueStream()
        .filter(w -> workflowId.equals(w.get("workflowId").asString()))
        .findFirst()
        .orElse(null);
  }

  private static ExecutionProgressed event(
      String executionId,
      long sequence,
      String type,
      String workflowId,
      Instant at,
      Map<String, Object> data) {
    return new ExecutionProgressed(
        executionId + ":" + sequence,
        executionId,
        sequence,
        type,
        workflowId,
        1,
        "user-1",
        null,
        at,
        data);
  }

  private HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (path.endsWith("/stream")) {
      // a 403/401 answers at once; an admin's stream would stay open, so only read the status
      request.header("Accept", "text/event-stream");
      HttpResponse<Stream<String>> streamed =
          http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
      try (Stream<String> lines = streamed.body()) {
        String body = streamed.statusCode() == 200 ? "" : String.join("\n", lines.toList());
        return new Answer(streamed, body);
      }
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url(path))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static JsonNode json(HttpResponse<String> response) {
    return ContractJson.mapper().readTree(response.body());
  }

  private static boolean classPresent(String name) {
    try {
      Class.forName(name);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** A streamed answer's status and headers with the text read so far. */
  private record Answer(HttpResponse<Stream<String>> response, String body)
      implements HttpResponse<String> {
    @Override
    public int statusCode() {
      return response.statusCode();
    }

    @Override
    public HttpRequest request() {
      return response.request();
    }

    @Override
    public java.util.Optional<HttpResponse<String>> previousResponse() {
      return java.util.Optional.empty();
    }

    @Override
    public java.net.http.HttpHeaders headers() {
      return response.headers();
    }

    @Override
    public URI uri() {
      return response.uri();
    }

    @Override
    public HttpClient.Version version() {
      return response.version();
    }

    @Override
    public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
      return response.sslSession();
    }
  }
}
