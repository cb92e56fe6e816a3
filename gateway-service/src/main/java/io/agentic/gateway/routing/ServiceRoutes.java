package io.agentic.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import io.agentic.gateway.GatewayServiceProperties;
import io.agentic.gateway.GatewayServiceProperties.Services;
import java.net.URI;
import java.util.Map;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    return builder
        .routes()
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
            r -> r.path("/api/dashboard/**").metadata(timeouts).uri(origin(services.analytics())))
        .build();
  }

  /** The request keeps its own path and query: only scheme, host and port come from the route. */
  private static URI origin(URI base) {
    return URI.create(base.getScheme() + "://" + base.getRawAuthority());
  }
}
