package io.agentic.gateway.docs;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /docs} sends browsers to Swagger UI. springdoc does the same for {@code /docs/} (its
 * {@code springdoc.swagger-ui.path}); it maps one path only, and the UI's page has to live one
 * level down ({@code /docs/swagger-ui/index.html}) for its relative links to its scripts to
 * resolve.
 */
@Configuration(proxyBeanMethods = false)
class DocsHome {

  @Bean
  RouterFunction<ServerResponse> docsRedirectsToSwaggerUi() {
    return RouterFunctions.route(
        RequestPredicates.GET(ApiDocs.ROOT).or(RequestPredicates.HEAD(ApiDocs.ROOT)),
        request ->
            ServerResponse.status(HttpStatus.FOUND).location(URI.create(ApiDocs.UI)).build());
  }
}
