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
 * @param gatewaySecret sent as {@code X-Gateway-Secret} when exchanging an API key with
 *     auth-service, which must be given the same value ({@code agentic.auth.gateway-secret});
 *     empty: API keys cannot be used
 * @param trustedProxies CIDR blocks (or single addresses) of proxies in front of the gateway; only
 *     when the peer is one of them is {@code X-Forwarded-For} read for the client's address
 * @param apiKeyCacheTtl longest an API key's exchanged token is reused (never longer than 80% of
 *     the token's life); revocation is checked on every request regardless
 * @param rateLimits request rates per user or key and per client address
 * @param loginLimits failed sign-ins allowed before {@code /api/auth/login} answers 429
 */
@ConfigurationProperties("agentic.gateway")
public record GatewayServiceProperties(
    @DefaultValue Services services,
    @DefaultValue("75s") Duration responseTimeout,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue("8MB") DataSize maxLargeBodySize,
    @DefaultValue({}) List<String> corsAllowedOrigins,
    @DefaultValue("") String gatewaySecret,
    @DefaultValue({}) List<String> trustedProxies,
    @DefaultValue("4m") Duration apiKeyCacheTtl,
    @DefaultValue RateLimits rateLimits,
    @DefaultValue LoginLimits loginLimits) {

  /** Where each service listens. */
  public record Services(
      @DefaultValue("http://localhost:8081") URI auth,
      @DefaultValue("http://localhost:8082") URI workflow,
      @DefaultValue("http://localhost:8083") URI execution,
      @DefaultValue("http://localhost:8084") URI aiRouter,
      @DefaultValue("http://localhost:8085") URI analytics) {}

  /**
   * Token buckets in Redis, shared by every gateway replica: {@code rate} requests per second on
   * average, up to {@code burst} at once.
   *
   * @param enabled off: no request-rate limits (the login limits stay)
   * @param userRate per authenticated user (a login) or API key
   * @param ipRate per client address, authenticated or not
   */
  public record RateLimits(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("50") double userRate,
      @DefaultValue("100") int userBurst,
      @DefaultValue("100") double ipRate,
      @DefaultValue("200") int ipBurst) {

    public RateLimits {
      if (userRate <= 0 || ipRate <= 0 || userBurst < 1 || ipBurst < 1) {
        throw new IllegalArgumentException(
            "agentic.gateway.rate-limits: rates must be positive and bursts at least 1");
      }
    }
  }

  /**
   * Failed sign-ins counted per window; once a count reaches its limit, further attempts for that
   * key are answered 429 until the window (which starts at the first failure) ends.
   *
   * @param accountAndIpFailures per account from one client address
   * @param accountFailures per account from all addresses (a looser ceiling)
   * @param ipFailures per client address, whatever the account
   */
  public record LoginLimits(
      @DefaultValue("5") int accountAndIpFailures,
      @DefaultValue("15m") Duration accountAndIpWindow,
      @DefaultValue("50") int accountFailures,
      @DefaultValue("15m") Duration accountWindow,
      @DefaultValue("20") int ipFailures,
      @DefaultValue("1m") Duration ipWindow) {

    public LoginLimits {
      if (accountAndIpFailures < 1 || accountFailures < 1 || ipFailures < 1) {
        throw new IllegalArgumentException("agentic.gateway.login-limits must be at least 1");
      }
    }
  }
}
