package io.agentic.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import io.agentic.gateway.GatewayServiceProperties;
import io.agentic.gateway.GatewayServiceProperties.Services;
import io.agentic.gateway.docs.ApiDocs;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Every public path prefix and the service that serves it, built from {@code
 * agentic.gateway.services} so that tests and local mode can point them anywhere. Each route gets
 * the response and connect timeouts; streamed answers ({@code text/event-stream}) are flushed event
 * by event by the gateway's response writer. auth-service's API-key exchange is not routed: only
 * the gateway itself calls it.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

  /** Served by auth-service for the gateway only: answered 404 to clients. */
  static final String INTERNAL_AUTH_PATHS = "/api/auth/api-keys/exchange/**";

  @Bean
  RouteLocator serviceRouteLocator(RouteLocatorBuilder builder, GatewayServiceProperties props) {
    Services services = props.services();
    Map<String, Object> timeouts =
        Map.of(
            RESPONSE_TIMEOUT_ATTR, props.responseTimeout().toMillis(),
            CONNECT_TIMEOUT_ATTR, Math.toIntExact(props.connectTimeout().toMillis()));
    RouteLocatorBuilder.Builder routes = builder.routes();
    routes
        .route(
            "auth-service",
            r ->
                r.path("/api/auth/**", "/.well-known/jwks.json")
                    // the gateway's own door to auth-service (API keys), never the clients'
                    .and()
                    .not(internal -> internal.path(INTERNAL_AUTH_PATHS))
                    .metadata(timeouts)
                    .uri(origin(services.auth())))
        .route(
            "workflow-service",
            r ->
                r.path("/api/workflows/**", "/api/templates/**")
                    .metadata(timeouts)
                    .uri(origin(services.workflow())))
        .route(
            "execution-service",
            r -> r.path("/api/executions/**").metadata(timeouts).uri(origin(services.execution())))
        .route(
            "ai-router-service",
            r -> r.path("/api/ai/**", "/v1/**").metadata(timeouts).uri(origin(services.aiRouter())))
        .route(
            "analytics-service",
            r -> r.path("/api/dashboard/**").metadata(timeouts).uri(origin(services.analytics())));
    documents(services)
        .forEach(
            (service, base) ->
                routes.route(
                    service + "-service-docs",
                    r ->
                        r.path(ApiDocs.documentOf(service))
                            .and()
                            .method(HttpMethod.GET, HttpMethod.HEAD)
                            .filters(
                                f ->
                                    f.setPath(ApiDocs.SERVICE_DOCUMENT)
                                        // a public route: no credential of the caller goes on
                                        .removeRequestHeader(HttpHeaders.AUTHORIZATION)
                                        .removeRequestHeader("X-API-Key")
                                        .removeRequestHeader(HttpHeaders.COOKIE))
                            .metadata(timeouts)
                            .uri(origin(base))));
    return routes.build();
  }

  /**
   * Each service of {@link ApiDocs#SERVICES} (which {@code PublicPaths} opens) and where it
   * listens.
   */
  private static Map<String, URI> documents(Services services) {
    Map<String, URI> documents = new LinkedHashMap<>();
    documents.put("auth", services.auth());
    documents.put("workflow", services.workflow());
    documents.put("execution", services.execution());
    documents.put("ai-router", services.aiRouter());
    documents.put("analytics", services.analytics());
    return documents;
  }

  /** The request keeps its own path and query: only scheme, host and port come from the route. */
  private static URI origin(URI base) {
    return URI.create(base.getScheme() + "://" + base.getRawAuthority());
  }
}
