package io.agentic.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the gateway reaches the services and what it lets through.
 *
 * @param services base URL of each service the gateway routes to
 * @param responseTimeout how long a service may take to start answering ({@code ?wait=true} on
 *     executions may wait 60 s, hence 75 s)
 * @param connectTimeout how long to wait for a connection to a service
 * @param maxBodySize the largest request body accepted on most routes
 * @param maxLargeBodySize the largest request body for {@code POST /api/executions} and {@code POST
 *     /v1/chat/completions}
 * @param corsAllowedOrigins origins browsers may call the API from; empty means no CORS at all
 */
@ConfigurationProperties("agentic.gateway")
public record GatewayServiceProperties(
    @DefaultValue Services services,
    @DefaultValue("75s") Duration responseTimeout,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue("8MB") DataSize maxLargeBodySize,
    @DefaultValue({}) List<String> corsAllowedOrigins) {

  /** Where each service listens. */
  public record Services(
      @DefaultValue("http://localhost:8081") URI auth,
      @DefaultValue("http://localhost:8082") URI workflow,
      @DefaultValue("http://localhost:8083") URI execution,
      @DefaultValue("http://localhost:8084") URI aiRouter,
      @DefaultValue("http://localhost:8085") URI analytics) {}
}
