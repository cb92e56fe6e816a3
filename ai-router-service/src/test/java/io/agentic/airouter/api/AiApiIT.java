package io.agentic.airouter.api;

import static io.agentic.airouter.FakeProvider.geminiAnswer;
import static io.agentic.airouter.FakeProvider.json;
import static io.agentic.airouter.FakeProvider.openAiAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.airouter.AiRouterProperties;
import io.agentic.airouter.ServiceIT;
import io.agentic.airouter.TestTokens;
import io.agentic.airouter.cost.PriceTable;
import io.agentic.airouter.routing.RouteTarget;
import io.agentic.airouter.routing.Routes;
import io.agentic.airouter.routing.TaskType;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AiApiIT extends ServiceIT {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired MongoTemplate mongo;
  @Autowired AiRouterProperties properties;

  final String admin = TestTokens.token("admin-" + UUID.randomUUID(), "admin");
  final String user = TestTokens.token("user-" + UUID.randomUUID(), "user");
  final String viewer = TestTokens.token("viewer-" + UUID.randomUUID(), "viewer");

  record Response(int status, String contentType, JsonNode json) {}

  @AfterEach
  void restoreDefaultRoutes() {
    call(HttpMethod.PUT, "/api/ai/routes", admin, "{}");
  }

  @Test
  void everyEndpointNeedsAValidToken() {
    assertThat(call(HttpMethod.GET, "/api/ai/providers", null, null).status()).isEqualTo(401);
    assertThat(call(HttpMethod.GET, "/api/ai/routes", null, null).status()).isEqualTo(401);
    assertThat(call(HttpMethod.PUT, "/api/ai/routes", null, "{}").status()).isEqualTo(401);
    assertThat(call(HttpMethod.POST, "/api/ai/test", null, null).status()).isEqualTo(401);
    String otherAudience = TestTokens.token("x", "admin", "somebody-else");
    assertThat(call(HttpMethod.GET, "/api/ai/providers", otherAudience, null).status())
        .isEqualTo(401);
  }

  @Test
  void listsEveryProviderWithItsStatus() {
    Response response = call(HttpMethod.GET, "/api/ai/providers", viewer, null);

    assertThat(response.status()).isEqualTo(200);
    JsonNode providers = response.json();
    assertThat(providers)
        .extracting(p -> p.path("name").asString())
        .containsExactly("gemini", "groq", "huggingface", "openrouter", "openai");
    JsonNode gemini = providers.path(0);
    assertThat(gemini.path("configured").asBoolean()).isTrue();
    assertThat(gemini.path("status").asString()).isIn("healthy", "degraded", "down");
    assertThat(gemini.path("circuitState").asString()).isIn("closed", "open", "half_open");
    assertThat(gemini.path("models")).extracting(JsonNode::asString).contains("gemini-2.5-flash");
    assertThat(gemini.path("quota").path("used").isNumber()).isTrue();
    assertThat(gemini.path("quota").has("limit")).isTrue();
    assertThat(gemini.has("latencyMsP50")).isTrue();
    JsonNode openrouter = providers.path(3);
    assertThat(openrouter.path("configured").asBoolean()).isFalse();
    assertThat(openrouter.path("status").asString()).isEqualTo("unconfigured");
    assertThat(openrouter.path("models"))
        .extracting(JsonNode::asString)
        .contains("qwen/qwen-2.5-72b-instruct", "z-ai/glm-4.5-air:free");
    assertThat(response.json().toString()).doesNotContain(GEMINI_KEY).doesNotContain(GROQ_KEY);
  }

  @Test
  void anyUserReadsTheRoutingTable() {
    Response response = call(HttpMethod.GET, "/api/ai/routes", user, null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("content_generation").path(0).path("provider").asString())
        .isEqualTo("gemini");
    assertThat(response.json().path("quick_decision").path(0).path("model").asString())
        .isEqualTo("llama-3.1-8b-instant");
    assertThat(response.json().properties()).hasSize(TaskType.values().length);
  }

  @Test
  void onlyAdminsChangeRoutes() {
    String body = "{\"long_context\":[{\"provider\":\"groq\",\"model\":\"llama-3.1-8b-instant\"}]}";

    Response asUser = call(HttpMethod.PUT, "/api/ai/routes", user, body);
    Response asViewer = call(HttpMethod.PUT, "/api/ai/routes", viewer, body);

    assertThat(asUser.status()).isEqualTo(403);
    assertThat(asUser.json().path("code").asString()).isEqualTo("FORBIDDEN");
    assertThat(asViewer.status()).isEqualTo(403);
    assertThat(
            call(HttpMethod.GET, "/api/ai/routes", user, null)
                .json()
                .path("long_context")
                .path(0)
                .path("provider")
                .asString())
        .isEqualTo("openrouter");
  }

  @Test
  void anAdminsRoutesApplyAndSurviveARestart() {
    String body =
        """
        {"long_context":[{"provider":"groq","model":"llama-3.1-8b-instant"},\
        {"provider":"openrouter","model":"qwen/qwen-2.5-72b-instruct"}]}""";

    Response response = call(HttpMethod.PUT, "/api/ai/routes", admin, body);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("long_context").path(0).path("provider").asString())
        .isEqualTo("groq");
    assertThat(response.json().path("general").path(0).path("provider").asString())
        .isEqualTo("gemini");
    Routes afterRestart =
        new Routes(properties, new PriceTable(properties), mongo, Clock.systemUTC());
    assertThat(afterRestart.current().route(TaskType.LONG_CONTEXT))
        .containsExactly(
            new RouteTarget("groq", "llama-3.1-8b-instant"),
            new RouteTarget("openrouter", "qwen/qwen-2.5-72b-instruct"));
  }

  @Test
  void invalidRoutesAreRefusedWithEveryProblem() {
    Response response =
        call(
            HttpMethod.PUT,
            "/api/ai/routes",
            admin,
            """
            {"poetry":[{"provider":"gemini","model":"gemini-2.5-flash"}],\
            "general":[{"provider":"acme","model":"x"},{"provider":"gemini","model":"gemini-9"}],\
            "quick_decision":[]}""");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("code").asString()).isEqualTo("ROUTES_INVALID");
    assertThat(response.json().path("errors"))
        .extracting(e -> e.path("field").asString())
        .containsExactlyInAnyOrder(
            "poetry", "general[0].provider", "general[1].model", "quick_decision");
    assertThat(call(HttpMethod.PUT, "/api/ai/routes", admin, "[1,2]").status()).isEqualTo(400);
    assertThat(call(HttpMethod.PUT, "/api/ai/routes", admin, "{not json").status()).isEqualTo(400);
    assertThat(call(HttpMethod.PUT, "/api/ai/routes", admin, "{\"general\":\"gemini\"}").status())
        .isEqualTo(400);
  }

  @Test
  void anAdminTestsEveryConfiguredProvider() {
    GEMINI.always(geminiAnswer("OK", 5, 1));
    GROQ.always(json(401, "{}"));
    HUGGINGFACE.always(openAiAnswer("OK", 5, 1));

    assertThat(call(HttpMethod.POST, "/api/ai/test", user, null).status()).isEqualTo(403);
    Response response = call(HttpMethod.POST, "/api/ai/test", admin, null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json())
        .extracting(
            p ->
                p.path("provider").asString()
                    + ":"
                    + p.path("ok").asBoolean()
                    + ":"
                    + p.path("error").asString(""))
        .containsExactly("gemini:true:", "groq:false:401 unauthorized", "huggingface:true:");
    assertThat(response.json().path(0).path("model").asString()).isEqualTo("gemini-2.5-flash");
    assertThat(response.json().path(2).path("model").asString())
        .isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    JsonNode groq = call(HttpMethod.GET, "/api/ai/providers", admin, null).json().path(1);
    assertThat(groq.path("status").asString()).isEqualTo("down");

    GROQ.always(openAiAnswer("OK", 1, 1));
    call(HttpMethod.POST, "/api/ai/test", admin, null);
    JsonNode fixed = call(HttpMethod.GET, "/api/ai/providers", admin, null).json().path(1);
    assertThat(fixed.path("status").asString()).isNotEqualTo("down");
    assertThat(fixed.path("circuitState").asString()).isEqualTo("closed");
  }

  private Response call(HttpMethod method, String path, String token, String body) {
    RestClient.RequestBodySpec request =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .defaultStatusHandler(status -> true, (req, res) -> {})
            .build()
            .method(method)
            .uri(path)
            .contentType(MediaType.APPLICATION_JSON);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.body(body);
    }
    return request.exchange(
        (req, res) -> {
          String text = new String(res.getBody().readAllBytes());
          return new Response(
              res.getStatusCode().value(),
              res.getHeaders().getContentType() == null
                  ? ""
                  : res.getHeaders().getContentType().toString(),
              text.isEmpty() ? JSON.missingNode() : JSON.readTree(text));
        });
  }
}
