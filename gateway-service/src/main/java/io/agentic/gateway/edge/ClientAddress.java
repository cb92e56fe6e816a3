package io.agentic.gateway.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client's address, which rate limits and login limits count by: the socket peer, or — only
 * when the peer is a trusted proxy — the right-most address in {@code X-Forwarded-For} that is not
 * a trusted proxy itself. Everything left of that was written by the client and proves nothing.
 */
public final class ClientAddress {

  /** The exchange attribute holding the resolved address (a string). */
  public static final String ATTRIBUTE = ClientAddress.class.getName() + ".address";

  static final String UNKNOWN = "unknown";

  private ClientAddress() {}

  /** The address resolved for this exchange (falls back to the socket peer). */
  public static String of(ServerWebExchange exchange) {
    String resolved = exchange.getAttribute(ATTRIBUTE);
    return resolved != null
        ? resolved
        : peer(exchange.getRequest()).map(InetAddress::getHostAddress).orElse(UNKNOWN);
  }

  static String resolve(ServerHttpRequest request, TrustedProxies trusted) {
    Optional<InetAddress> peer = peer(request);
    if (peer.isEmpty()) {
      return UNKNOWN;
    }
    InetAddress client = peer.get();
    if (trusted.isEmpty() || !trusted.contains(client)) {
      return client.getHostAddress();
    }
    List<String> hops = forwardedFor(request);
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<InetAddress> hop = TrustedProxies.literal(hops.get(i));
      if (hop.isEmpty()) {
        break; // garbage: trust nothing further left, keep the last proxy's address
      }
      client = hop.get();
      if (!trusted.contains(client)) {
        break;
      }
    }
    return client.getHostAddress();
  }

  private static Optional<InetAddress> peer(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    return remote == null ? Optional.empty() : Optional.ofNullable(remote.getAddress());
  }

  /** Every entry of every {@code X-Forwarded-For} header, in order. */
  private static List<String> forwardedFor(ServerHttpRequest request) {
    List<String> headers = request.getHeaders().getOrEmpty("X-Forwarded-For");
    return headers.stream()
        .flatMap(value -> java.util.Arrays.stream(value.split(",")))
        .map(String::strip)
        .filter(entry -> !entry.isEmpty())
        .toList();
  }
}
