package io.agentic.execution.nodes.http;

import java.net.InetAddress;
import java.util.Locale;

/**
 * How a URL host is classified before any lookup. The URI parser, {@link InetAddress} and the C
 * resolver disagree about numeric hosts ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1},
 * {@code 127.1}); so a host that ends in a number (the WHATWG URL rule) is accepted only as a
 * canonical dotted quad, and never reaches a name lookup in any other form.
 */
final class HostLiterals {

  private HostLiterals() {}

  /** Lower-cases and strips IPv6 brackets: the form the guard and the allow-list compare. */
  static String normalize(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h;
  }

  static boolean isIpv6(String normalizedHost) {
    return normalizedHost.indexOf(':') >= 0;
  }

  /** WHATWG "ends in a number": the last label (after one trailing dot) is decimal or 0x-hex. */
  static boolean endsInNumber(String host) {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String last = h.substring(h.lastIndexOf('.') + 1);
    if (last.isEmpty()) {
      return false;
    }
    if (last.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return true;
    }
    return (last.startsWith("0x") || last.startsWith("0X"))
        && last.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }

  /** Four decimal parts 0-255 without leading zeros: the only numeric host form accepted. */
  static boolean isCanonicalIpv4(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty()
          || part.length() > 3
          || !part.chars().allMatch(c -> c >= '0' && c <= '9')
          || (part.length() > 1 && part.charAt(0) == '0')
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /**
   * The address of an IP literal host without any lookup, or null when the host is a name. Zone ids
   * ({@code fe80::1%eth0}) and non-canonical IPv4 forms are refused by the caller before this.
   */
  static InetAddress literalAddress(String normalizedHost) {
    if (isIpv6(normalizedHost) || isCanonicalIpv4(normalizedHost)) {
      return InetAddress.ofLiteral(normalizedHost);
    }
    return null;
  }

  /** LDH host names (letters, digits, hyphens; dot-separated labels of 1-63 characters). */
  static boolean isHostName(String host) {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (h.isEmpty() || h.length() > 253) {
      return false;
    }
    for (String label : h.split("\\.", -1)) {
      if (label.isEmpty()
          || label.length() > 63
          || label.startsWith("-")
          || label.endsWith("-")
          || !label.chars().allMatch(HostLiterals::isLdh)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLdh(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  }
}
