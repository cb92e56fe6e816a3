package io.agentic.gateway.edge;

import org.springframework.core.Ordered;

/**
 * The order of the gateway's own web filters, all before Spring Security's chain (-100) so that
 * forged headers are gone, every answer (even a 401) carries the request id and security headers,
 * CORS preflights are answered without a token, and oversized bodies are refused early.
 */
final class EdgeFilterOrder {

  static final int STRIP_FORGEABLE_HEADERS = Ordered.HIGHEST_PRECEDENCE;
  static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE + 10;
  static final int RESPONSE_HEADERS = Ordered.HIGHEST_PRECEDENCE + 20;
  static final int CORS = Ordered.HIGHEST_PRECEDENCE + 30;
  static final int BODY_SIZE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 40;

  private EdgeFilterOrder() {}
}
