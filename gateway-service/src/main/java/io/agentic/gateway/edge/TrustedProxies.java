package io.agentic.gateway.edge;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The proxies in front of the gateway whose {@code X-Forwarded-For} may be believed, as CIDR blocks
 * ({@code 10.0.0.0/8}, {@code fd00::/8}) or single addresses. Parsed without DNS: only literals.
 */
final class TrustedProxies {

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = blocks;
  }

  /**
   * @throws IllegalArgumentException for an entry that is not an address or CIDR block
   */
  static TrustedProxies of(List<String> entries) {
    return new TrustedProxies(
        entries.stream()
            .map(String::strip)
            .filter(entry -> !entry.isEmpty())
            .map(TrustedProxies::block)
            .toList());
  }

  boolean isEmpty() {
    return blocks.isEmpty();
  }

  boolean contains(InetAddress address) {
    return blocks.stream().anyMatch(block -> block.contains(address));
  }

  /** An address literal (IPv4 or IPv6, no host names), or empty. */
  static Optional<InetAddress> literal(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String value = text.strip();
    if (value.startsWith("[") && value.endsWith("]")) {
      value = value.substring(1, value.length() - 1);
    }
    try {
      return Optional.of(InetAddress.ofLiteral(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Block block(String entry) {
    int slash = entry.indexOf('/');
    String address = slash < 0 ? entry : entry.substring(0, slash);
    InetAddress network =
        literal(address)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "agentic.gateway.trusted-proxies: not an address or CIDR block: " + entry));
    int bits = network.getAddress().length * 8;
    int prefix;
    try {
      prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
    } catch (NumberFormatException e) {
      prefix = -1;
    }
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException(
          "agentic.gateway.trusted-proxies: bad prefix length in " + entry);
    }
    return new Block(network.getAddress(), prefix);
  }

  private record Block(byte[] network, int prefix) {

    boolean contains(InetAddress address) {
      byte[] candidate = address.getAddress();
      if (candidate.length != network.length) {
        return false;
      }
      int whole = prefix / 8;
      for (int i = 0; i < whole; i++) {
        if (candidate[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (candidate[whole] & mask) == (network[whole] & mask);
    }
  }
}
