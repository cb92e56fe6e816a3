package io.agentic.gateway.edge;

import org.springframework.core.Ordered;

/**
 * The order of the gateway's own web filters, all before Spring Security's chain (-100) so that the
 * client's address is known before forged headers go, forged headers are gone before anything reads
 * them, every answer (even a 401 or 429) carries the request id and security headers, CORS
 * preflights are answered without a token, oversized bodies are refused early, floods and password
 * guessing are stopped before they cost a service anything, and API keys have become access tokens
 * by the time the token check runs.
 */
public final class EdgeFilterOrder {

  public static final int CLIENT_ADDRESS = Ordered.HIGHEST_PRECEDENCE;
  public static final int STRIP_FORGEABLE_HEADERS = Ordered.HIGHEST_PRECEDENCE + 5;
  public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE + 10;
  public static final int RESPONSE_HEADERS = Ordered.HIGHEST_PRECEDENCE + 20;
  public static final int CORS = Ordered.HIGHEST_PRECEDENCE + 30;
  public static final int BODY_SIZE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 40;
  public static final int IP_RATE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 50;
  public static final int LOGIN_ATTEMPTS = Ordered.HIGHEST_PRECEDENCE + 60;
  public static final int API_KEY_EXCHANGE = Ordered.HIGHEST_PRECEDENCE + 70;

  private EdgeFilterOrder() {}
}
