package io.agentic.execution.nodes.http;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of HTTP_REQUEST nodes ({@code agentic.http.*}).
 *
 * @param allowHosts host, host:port, IP or CIDR entries that may be reached although private,
 *     loopback or reserved; from {@code AGENTIC_HTTP_ALLOW_HOSTS} (comma-separated), none by
 *     default
 * @param maxResponseBytes the most of a response body read; more fails the node
 * @param defaultTimeout the longest one request may take, redirects included; a node's own {@code
 *     timeoutMs} and the step's timeout can only shorten it
 * @param maxRedirects redirects followed before the node fails
 * @param userAgent sent unless the node sets its own {@code User-Agent}
 */
@ConfigurationProperties("agentic.http")
public record HttpStepProperties(
    @DefaultValue List<String> allowHosts,
    @DefaultValue("10MB") DataSize maxResponseBytes,
    @DefaultValue("30s") Duration defaultTimeout,
    @DefaultValue("5") int maxRedirects,
    @DefaultValue("Agentic-HTTP/1.0") String userAgent) {

  private static final DataSize MAX_BODY_LIMIT = DataSize.ofMegabytes(512);

  public HttpStepProperties {
    allowHosts = allowHosts == null ? List.of() : List.copyOf(allowHosts);
    maxResponseBytes = maxResponseBytes == null ? DataSize.ofMegabytes(10) : maxResponseBytes;
    defaultTimeout = defaultTimeout == null ? Duration.ofSeconds(30) : defaultTimeout;
    userAgent = userAgent == null || userAgent.isBlank() ? "Agentic-HTTP/1.0" : userAgent;
    if (maxResponseBytes.toBytes() < 1 || maxResponseBytes.compareTo(MAX_BODY_LIMIT) > 0) {
      throw new IllegalArgumentException("agentic.http.max-response-bytes must be 1B..512MB");
    }
    if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
      throw new IllegalArgumentException("agentic.http.default-timeout must be positive");
    }
    if (maxRedirects < 0 || maxRedirects > 20) {
      throw new IllegalArgumentException("agentic.http.max-redirects must be 0..20");
    }
  }
}
