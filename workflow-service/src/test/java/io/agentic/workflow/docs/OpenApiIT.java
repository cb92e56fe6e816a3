package io.agentic.workflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.workflow.Api;
import io.agentic.workflow.Api.Answer;
import io.agentic.workflow.WorkflowServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@WorkflowServiceTest
class OpenApiIT {

  @LocalServerPort int port;

  @Test
  void describesEveryEndpointWithASummaryWithoutAToken() {
    Answer docs = new Api(port).get("/v3/api-docs", null);

    assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
    JsonNode api = docs.body();
    assertThat(api.path("openapi").asString()).startsWith("3.1");
    JsonNode paths = api.path("paths");
    assertThat(paths.propertyNames())
        .contains(
            "/api/workflows",
            "/api/workflows/{id}",
            "/api/workflows/{id}/versions",
            "/api/workflows/{id}/versions/{version}",
            "/api/workflows/{id}/permissions",
            "/api/workflows/{id}/duplicate",
            "/api/workflows/{id}/export",
            "/api/workflows/import",
            "/api/workflows/analytics/summary",
            "/api/templates",
            "/api/templates/{id}",
            "/api/templates/{id}/instantiate");
    for (String path : paths.propertyNames()) {
      for (String method : paths.path(path).propertyNames()) {
        JsonNode operation = paths.path(path).path(method);
        assertThat(operation.path("summary").asString()).as(method + " " + path).isNotBlank();
        // the caller comes from the token: it is not a parameter
        assertThat(operation.path("parameters").valueStream().map(p -> p.path("name").asString()))
            .as(method + " " + path)
            .doesNotContain("user");
      }
    }
    assertThat(
            api.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
        .isEqualTo("bearer");
  }
}
