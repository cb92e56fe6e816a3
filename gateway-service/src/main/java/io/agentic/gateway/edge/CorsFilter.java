package io.agentic.gateway.edge;

import io.agentic.gateway.GatewayServiceProperties;
import io.agentic.gateway.problem.ProblemResponses;
import io.agentic.platform.problem.Problems;
import java.time.Duration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the origins in {@code agentic.gateway.cors-allowed-origins} only; with none listed the
 * gateway adds no CORS headers at all. Preflights are answered here, before authentication, and a
 * cross-origin request from an origin not listed is refused with a problem.
 */
@Component
class CorsFilter implements WebFilter, Ordered {

  private final CorsConfiguration configuration;
  private final DefaultCorsProcessor processor = new DefaultCorsProcessor();
  private final ProblemResponses problems;

  CorsFilter(GatewayServiceProperties properties, ProblemResponses problems) {
    this.problems = problems;
    List<String> origins = properties.corsAllowedOrigins();
    if (origins.isEmpty()) {
      this.configuration = null;
      return;
    }
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(origins);
    cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    cors.setAllowedHeaders(
        List.of(
            "Authorization",
            "Content-Type",
            "Accept",
            "X-API-Key",
            "X-Request-Id",
            "Idempotency-Key",
            "If-Match",
            "If-None-Match",
            "Last-Event-ID"));
    cors.setExposedHeaders(
        List.of(
            "X-Request-Id",
            "ETag",
            "Location",
            "Retry-After",
            "X-RateLimit-Remaining",
            "X-RateLimit-Replenish-Rate",
            "X-RateLimit-Burst-Capacity"));
    // Bearer tokens, not cookies: browsers need not send credentials.
    cors.setAllowCredentials(false);
    cors.setMaxAge(Duration.ofHours(1));
    this.configuration = cors;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (configuration == null || !CorsUtils.isCorsRequest(exchange.getRequest())) {
      return chain.filter(exchange);
    }
    if (!processor.process(configuration, exchange)) {
      return problems.write(
          exchange,
          Problems.of(
              HttpStatus.FORBIDDEN,
              "CORS_REJECTED",
              "Cross-origin requests from here are refused"));
    }
    if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
      return Mono.empty();
    }
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return EdgeFilterOrder.CORS;
  }
}
