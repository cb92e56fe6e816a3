package io.agentic.execution.nodes.http;

import java.net.InetAddress;

/** An address range such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
record Cidr(byte[] network, int prefix) {

  /**
   * Parses {@code address/prefix}; the address must be a literal (canonical dotted quad or IPv6).
   *
   * @throws IllegalArgumentException when it is not a valid range
   */
  static Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a CIDR range: " + text);
    }
    String address = HostLiterals.normalize(text.substring(0, slash));
    String bits = text.substring(slash + 1);
    InetAddress literal = HostLiterals.literalAddress(address);
    if (literal == null
        || bits.isEmpty()
        || bits.length() > 3
        || !bits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("not a CIDR range: " + text);
    }
    // An IPv4-mapped literal comes back as IPv4: its prefix counts over 32 bits then.
    byte[] network = literal.getAddress();
    int prefix = Integer.parseInt(bits);
    if (network.length == 4 && HostLiterals.isIpv6(address)) {
      prefix -= 96;
    }
    if (prefix < 0 || prefix > network.length * 8) {
      throw new IllegalArgumentException("not a CIDR range: " + text);
    }
    return new Cidr(network, prefix);
  }

  boolean contains(InetAddress address) {
    return contains(address.getAddress());
  }

  boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int whole = prefix / 8;
    for (int i = 0; i < whole; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (address[whole] & mask) == (network[whole] & mask);
  }
}
