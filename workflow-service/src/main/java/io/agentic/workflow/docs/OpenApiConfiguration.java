package io.agentic.workflow.docs;

import io.agentic.platform.security.CurrentUser;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description of this service at {@code /v3/api-docs} (public; the gateway serves
 * Swagger UI over it). Every endpoint needs a bearer token unless the contract says otherwise.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static {
    // The caller comes from the token, not from the request: not a parameter clients send.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
  }

  static final String BEARER = "bearer";

  @Bean
  OpenAPI workflowServiceOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Agentic workflow-service")
                .version("v1")
                .description(
                    "Workflow graphs: validation, immutable versions, sharing, templates,"
                        + " import/export. Errors are RFC 9457 problems with a stable `code`."))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An access token from auth-service (or an API key's token)")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }
}
