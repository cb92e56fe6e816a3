package io.agentic.gateway.docs;

import static io.agentic.gateway.GatewayClient.assertProblem;
import static io.agentic.gateway.GatewayClient.header;
import static io.agentic.gateway.GatewayClient.json;
import static io.agentic.gateway.GatewayClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.gateway.FakeService;
import io.agentic.gateway.FakeService.Received;
import io.agentic.gateway.GatewayIntegrationTest;
import io.agentic.gateway.Tokens;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ApiDocsIT extends GatewayIntegrationTest {

  static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
          + "script-src 'self'";

  static Stream<Arguments> services() {
    return Stream.of(
        Arguments.of("auth", AUTH),
        Arguments.of("workflow", WORKFLOW),
        Arguments.of("execution", EXECUTION),
        Arguments.of("ai-router", AI_ROUTER),
        Arguments.of("analytics", ANALYTICS));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/docs", "/docs/"})
  void sendsBrowsersFromDocsToSwaggerUi(String path) {
    HttpResponse<byte[]> response = gateway.get(path);

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(header(response, "Location")).hasValue("/docs/swagger-ui/index.html");
    assertThat(header(response, "Content-Security-Policy")).hasValue(CSP);
  }

  @Test
  void servesSwaggerUiWithoutATokenUnderAStrictContentSecurityPolicy() {
    // given a browser that follows /docs to the UI
    HttpResponse<byte[]> redirect = gateway.get("/docs");

    // when
    HttpResponse<byte[]> page = gateway.get(header(redirect, "Location").orElseThrow());

    // then
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(header(page, "Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(text(page)).contains("<div id=\"swagger-ui\">", "./swagger-initializer.js");
    assertThat(header(page, "Content-Security-Policy")).hasValue(CSP);
    assertThat(header(page, "X-Frame-Options")).hasValue("DENY");
    assertThat(header(page, "X-Content-Type-Options")).hasValue("nosniff");
    assertThat(header(page, "Referrer-Policy")).hasValue("no-referrer");
  }

  @Test
  void servesEveryFileTheUisPageLoadsWithoutAToken() {
    // given the files the page refers to (so that a new Swagger UI release cannot break it unseen)
    String page = text(gateway.get("/docs/swagger-ui/index.html"));
    List<String> files =
        Pattern.compile("(?:href|src)=\"(?:\\./)?([^\"]+)\"")
            .matcher(page)
            .results()
            .map(match -> match.group(1))
            .toList();
    assertThat(files).contains("swagger-ui-bundle.js", "swagger-initializer.js", "index.css");

    for (String file : files) {
      // when
      HttpResponse<byte[]> response = gateway.get("/docs/swagger-ui/" + file);

      // then
      assertThat(response.statusCode()).as(file).isEqualTo(200);
      assertThat(header(response, "Content-Security-Policy")).as(file).hasValue(CSP);
    }
  }

  @Test
  void compressesTheUisLargeScriptWhenAccepted() {
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .request("/docs/swagger-ui/swagger-ui-bundle.js")
                .header("Accept-Encoding", "gzip")
                .GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Encoding")).hasValue("gzip");
  }

  @Test
  void keepsTheRestOfTheUisFilesBehindTheToken() {
    assertProblem(gateway.get("/docs/swagger-ui/oauth2-redirect.html"), 401, "UNAUTHORIZED");
    assertProblem(gateway.get("/docs/swagger-ui/swagger-ui-es-bundle.js"), 401, "UNAUTHORIZED");
    assertProblem(gateway.get("/docs/swagger-ui/"), 401, "UNAUTHORIZED");
  }

  @Test
  void servesTheUisScriptsWithoutATokenPointingAtItsSettings() {
    HttpResponse<byte[]> initializer = gateway.get("/docs/swagger-ui/swagger-initializer.js");
    HttpResponse<byte[]> bundle = gateway.get("/docs/swagger-ui/swagger-ui-bundle.js");
    HttpResponse<byte[]> styles = gateway.get("/docs/swagger-ui/swagger-ui.css");

    assertThat(initializer.statusCode()).isEqualTo(200);
    assertThat(text(initializer))
        .contains("\"configUrl\" : \"/docs/api/gateway/swagger-config\"")
        .doesNotContain("petstore");
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(header(bundle, "Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    assertThat(styles.statusCode()).isEqualTo(200);
    for (HttpResponse<byte[]> response : List.of(initializer, bundle, styles)) {
      assertThat(header(response, "Content-Security-Policy")).hasValue(CSP);
      assertThat(header(response, "X-Frame-Options")).hasValue("DENY");
    }
  }

  @Test
  void listsEveryServicesDocumentInTheUisSettings() {
    HttpResponse<byte[]> response = gateway.get("/docs/api/gateway/swagger-config");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Security-Policy")).hasValue(CSP);
    List<String> urls = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (JsonNode url : json(response).path("urls")) {
      urls.add(url.path("url").asString());
      names.add(url.path("name").asString());
    }
    // springdoc sorts them by name; the UI opens on auth-service's
    assertThat(json(response).path("urls.primaryName").asString()).isEqualTo("auth-service");
    assertThat(urls)
        .containsExactlyInAnyOrder(
            "/docs/api/auth",
            "/docs/api/workflow",
            "/docs/api/execution",
            "/docs/api/ai-router",
            "/docs/api/analytics",
            "/docs/api/gateway");
    assertThat(names)
        .containsExactlyInAnyOrder(
            "auth-service",
            "workflow-service",
            "execution-service",
            "ai-router-service",
            "analytics-service",
            "gateway-service");
  }

  // The fakes are AutoCloseable: JUnit would close them after each invocation.
  @ParameterizedTest(autoCloseArguments = false)
  @MethodSource("services")
  void servesEachServicesDocumentUnchangedWithoutAToken(String name, FakeService service) {
    // when
    HttpResponse<byte[]> response = gateway.get("/docs/api/" + name);

    // then the service's own bytes, fetched from its /v3/api-docs
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(openApiDocument(name));
    assertThat(header(response, "Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(header(response, "Content-Security-Policy")).hasValue(CSP);
    assertThat(service.received("/v3/api-docs")).isPresent();
  }

  @Test
  void passesNoCredentialsOnToAServicesDocument() {
    // given a browser that signed in and holds a key: none of it is needed to read the docs
    String token = Tokens.valid();

    // when
    HttpResponse<byte[]> response =
        gateway.send(
            gateway
                .request("/docs/api/execution")
                .header("Authorization", "Bearer " + token)
                .header("X-API-Key", "agk_abc_def")
                .header("Cookie", "session=s1")
                .header("X-Request-Id", "docs-creds-" + UUID.randomUUID())
                .GET());

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    Received received = EXECUTION.received("/v3/api-docs").orElseThrow();
    assertThat(received.header("X-Request-Id")).isEqualTo(header(response, "X-Request-Id").get());
    assertThat(received.hasHeader("Authorization")).isFalse();
    assertThat(received.hasHeader("X-API-Key")).isFalse();
    assertThat(received.hasHeader("Cookie")).isFalse();
  }

  @Test
  void servesTheGatewaysOwnDocumentWithItsPublicEchoOnly() {
    HttpResponse<byte[]> response = gateway.get("/docs/api/gateway");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode document = json(response);
    assertThat(document.path("openapi").asString()).startsWith("3.1");
    List<String> paths = new ArrayList<>(document.path("paths").propertyNames());
    assertThat(paths).containsExactly("/api/public/echo");
    assertThat(document.path("info").path("title").asString()).isEqualTo("gateway-service");
    // same origin as the page, whatever Host the browser used
    assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo("/");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/docs/../api/workflows/",
        "/docs/api/auth/../../api/workflows/",
        "/docs/swagger-ui/../../api/workflows/",
        "/docs/api/auth/%2e%2e/%2e%2e/api/workflows/",
        "/docs/api/auth/..%2f..%2fapi%2fworkflows%2f",
        "/docs/api/auth;/../../api/workflows/",
        "/docs/api/auth/%2F..%2F..%2Fapi%2Fworkflows%2F"
      })
  void opensNoOtherPathToCallersWithoutAToken(String prefix) {
    // given
    String id = UUID.randomUUID().toString();

    // when
    HttpResponse<byte[]> response = gateway.get(prefix + id);

    // then refused at the edge, and nothing reached the service
    assertThat(response.statusCode()).as(text(response)).isIn(400, 401, 404);
    assertThat(WORKFLOW.received("/api/workflows/" + id)).isEmpty();
    assertThat(AUTH.received("/api/workflows/" + id)).isEmpty();
  }

  @Test
  void keepsEverythingElseUnderDocsBehindTheToken() {
    String below = "/docs/api/auth/" + UUID.randomUUID();

    assertProblem(gateway.get(below), 401, "UNAUTHORIZED");
    assertProblem(gateway.get("/docs/api/billing"), 401, "UNAUTHORIZED");
    assertProblem(gateway.get("/docs/api/gateway.yaml"), 401, "UNAUTHORIZED");
    assertProblem(
        gateway.send(gateway.request("/docs/api/auth").POST(BodyPublishers.ofString("{}"))),
        401,
        "UNAUTHORIZED");
    assertProblem(gateway.getAuthorized(below), 404, "NOT_FOUND");
    assertThat(AUTH.received("/v3/api-docs/" + below.substring(below.lastIndexOf('/') + 1)))
        .isEmpty();
  }

  @Test
  void putsTheUisPolicyOnDocumentationOnly() {
    HttpResponse<byte[]> echo = gateway.get("/api/public/echo");
    HttpResponse<byte[]> api = gateway.getAuthorized("/api/workflows/" + UUID.randomUUID());

    assertThat(header(echo, "Content-Security-Policy")).isEmpty();
    assertThat(header(api, "Content-Security-Policy")).isEmpty();
  }
}
