package io.agentic.execution.nodes.http;

import java.net.UnknownHostException;

/**
 * The guard refused a URL or the addresses its host resolved to; nothing was sent. An {@link
 * UnknownHostException} so that it passes unchanged through Apache HttpClient's connect path. The
 * message is safe to show users: it never holds a resolved address or a socket error.
 */
public final class OutboundRefusedException extends UnknownHostException {

  /** The URL or the address it leads to is not allowed. */
  public static final String SSRF_BLOCKED = "SSRF_BLOCKED";

  /** The URL cannot be parsed or lacks a part a request needs. */
  public static final String INVALID_URL = "INVALID_URL";

  private final String code;

  OutboundRefusedException(String code, String message) {
    super(message);
    this.code = code;
  }

  static OutboundRefusedException blocked(String message) {
    return new OutboundRefusedException(SSRF_BLOCKED, message);
  }

  static OutboundRefusedException invalid(String message) {
    return new OutboundRefusedException(INVALID_URL, message);
  }

  /** {@link #SSRF_BLOCKED} or {@link #INVALID_URL}. */
  public String code() {
    return code;
  }
}
