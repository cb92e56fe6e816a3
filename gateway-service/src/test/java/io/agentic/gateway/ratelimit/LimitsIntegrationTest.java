package io.agentic.gateway.ratelimit;

import io.agentic.gateway.GatewayIntegrationTest;
import java.net.http.HttpRequest;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.test.context.TestPropertySource;

/**
 * The gateway with small limits, behind a trusted proxy (the test itself, 127.0.0.1) so that each
 * test can pose as clients of its own addresses through {@code X-Forwarded-For}. One context for
 * every class extending this.
 */
@TestPropertySource(
    properties = {
      "agentic.gateway.trusted-proxies=127.0.0.1/32, ::1",
      "agentic.gateway.rate-limits.user-rate=0.5",
      "agentic.gateway.rate-limits.user-burst=5",
      "agentic.gateway.rate-limits.ip-rate=0.5",
      "agentic.gateway.rate-limits.ip-burst=40",
      "agentic.gateway.login-limits.account-failures=8"
    })
abstract class LimitsIntegrationTest extends GatewayIntegrationTest {

  /** A fresh documentation-range address (RFC 5737), so tests never share a counter. */
  static String freshAddress() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255) + "";
  }

  /** A request from {@code address}, as the trusted proxy in front of the gateway reports it. */
  HttpRequest.Builder from(String address, String path) {
    return gateway.request(path).header("X-Forwarded-For", "203.0.113.7, " + address);
  }
}
