package io.agentic.suite.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.suite.SuiteAccess;
import io.agentic.suite.SuiteAccess.Answer;
import io.agentic.suite.SuiteAccess.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The API documentation the gateway serves at {@code /docs}: Swagger UI over the five services'
 * OpenAPI 3.1 documents, which together describe every call of API.md's tables.
 */
class ApiDocsIT {

  /**
   * Every call in API.md's Auth, Workflows, Executions, AI and Dashboard tables, and the /v1 door
   * its Conventions name.
   */
  static final List<String> API_MD_CALLS =
      List.of(
          // Auth
          "POST /api/auth/register",
          "POST /api/auth/login",
          "POST /api/auth/refresh",
          "POST /api/auth/logout",
          "GET /api/auth/me",
          "POST /api/auth/api-keys",
          "GET /api/auth/api-keys",
          "DELETE /api/auth/api-keys/{id}",
          "PUT /api/auth/users/{id}/role",
          "GET /api/auth/users",
          "DELETE /api/auth/users/{id}",
          // Workflows
          "POST /api/workflows",
          "GET /api/workflows",
          "GET /api/workflows/{id}",
          "PUT /api/workflows/{id}",
          "DELETE /api/workflows/{id}",
          "POST /api/workflows/{id}/duplicate",
          "GET /api/workflows/{id}/versions",
          "GET /api/workflows/{id}/versions/{n}",
          "PUT /api/workflows/{id}/permissions",
          "GET /api/workflows/analytics/summary",
          "GET /api/templates",
          "POST /api/templates/{id}/instantiate",
          // Workflows: Limits table
          "GET /api/executions/{id}/nodes/{nodeId}/output",
          // Executions
          "POST /api/executions",
          "GET /api/executions/{id}",
          "GET /api/executions",
          "POST /api/executions/{id}/stop",
          "POST /api/executions/{id}/retry",
          "GET /api/executions/{id}/events",
          "POST /api/executions/{id}/events/ticket",
          "DELETE /api/executions/{id}",
          "GET /api/executions/workflow/{workflowId}/stats",
          "GET /api/executions/analytics/summary",
          // AI
          "GET /api/ai/providers",
          "GET /api/ai/routes",
          "PUT /api/ai/routes",
          "POST /api/ai/test",
          // Dashboard
          "GET /api/dashboard/overview",
          "GET /api/dashboard/ai-status",
          "GET /api/dashboard/workflows",
          "GET /api/dashboard/health",
          "GET /api/dashboard/metrics",
          "POST /api/dashboard/test-ai",
          "GET /api/dashboard/stream",
          // the OpenAI-compatible door (Conventions)
          "POST /v1/chat/completions");

  static final Map<String, String> SERVICE_DOCUMENTS =
      Map.of(
          "auth-service", "/docs/api/auth",
          "workflow-service", "/docs/api/workflow",
          "execution-service", "/docs/api/execution",
          "ai-router-service", "/docs/api/ai-router",
          "analytics-service", "/docs/api/analytics");

  private final Client gateway = SuiteAccess.client();

  @Test
  void servesSwaggerUiListingEveryServicesDocument() {
    Answer home = gateway.call("GET", "/docs").header("Accept", "text/html").send();
    assertThat(home.status()).as("%s", home).isEqualTo(302);
    assertThat(home.header("Location")).endsWith("/docs/swagger-ui/index.html");

    Answer page =
        gateway.call("GET", "/docs/swagger-ui/index.html").header("Accept", "text/html").send();
    assertThat(page.status()).as("%s", page).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).containsIgnoringCase("swagger-ui");
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");

    Answer config = gateway.get("/docs/api/gateway/swagger-config", null);
    assertThat(config.status()).as("%s", config).isEqualTo(200);
    Map<String, String> listed = new java.util.HashMap<>();
    for (JsonNode url : config.json().path("urls")) {
      listed.put(url.path("name").asString(), url.path("url").asString());
    }
    assertThat(listed).as("%s", config).containsAllEntriesOf(SERVICE_DOCUMENTS);
  }

  @Test
  void theServicesDocumentsAreOpenApi31AndDescribeEveryCallOfTheContract() {
    Set<String> documented = new TreeSet<>();
    for (Map.Entry<String, String> service : SERVICE_DOCUMENTS.entrySet()) {
      Answer document = gateway.get(service.getValue(), null);
      assertThat(document.status()).as("%s: %s", service.getKey(), document).isEqualTo(200);
      assertThat(document.json().path("openapi").asString())
          .as("%s", service.getKey())
          .startsWith("3.1");
      JsonNode paths = document.json().path("paths");
      assertThat(paths.isObject()).as("%s has paths", service.getKey()).isTrue();
      for (Map.Entry<String, JsonNode> path : paths.properties()) {
        for (String method : List.of("get", "put", "post", "delete", "patch")) {
          if (path.getValue().has(method)) {
            documented.add(normalise(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
          }
        }
      }
    }

    List<String> missing = new ArrayList<>();
    for (String call : API_MD_CALLS) {
      if (!documented.contains(normalise(call))) {
        missing.add(call);
      }
    }
    assertThat(missing).as("API.md calls absent from every service's OpenAPI document").isEmpty();
  }

  /** Path variables compare equal whatever their names. */
  private static String normalise(String call) {
    String withoutTrailingSlash = call.endsWith("/") ? call.substring(0, call.length() - 1) : call;
    return withoutTrailingSlash.replaceAll("\\{[^}]*}", "{}");
  }
}
