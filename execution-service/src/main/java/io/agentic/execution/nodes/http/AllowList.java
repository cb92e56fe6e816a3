package io.agentic.execution.nodes.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The operator's exceptions to the block list ({@code AGENTIC_HTTP_ALLOW_HOSTS}): a host name, a
 * {@code host:port}, an IP address (optionally with a port, IPv6 in brackets) or a CIDR range.
 * Parsed once at start-up; an entry that is none of these stops start-up.
 */
final class AllowList {

  /** One entry. {@code port} is -1 when any port matches. */
  private sealed interface Entry {
    boolean matches(String host, int port, InetAddress address);
  }

  private record Name(String host, int port) implements Entry {
    public boolean matches(String host, int port, InetAddress address) {
      return this.host.equals(host) && (this.port < 0 || this.port == port);
    }
  }

  private record Address(InetAddress address, int port) implements Entry {
    public boolean matches(String host, int port, InetAddress address) {
      return this.address.equals(address) && (this.port < 0 || this.port == port);
    }
  }

  private record Range(Cidr cidr) implements Entry {
    public boolean matches(String host, int port, InetAddress address) {
      return cidr.contains(address);
    }
  }

  private final List<Entry> entries;

  private AllowList(List<Entry> entries) {
    this.entries = entries;
  }

  /**
   * @throws IllegalArgumentException naming the first invalid entry
   */
  static AllowList parse(Collection<String> raw) {
    List<Entry> entries = new ArrayList<>();
    for (String text : raw == null ? List.<String>of() : raw) {
      String entry = text == null ? "" : text.trim();
      if (entry.isEmpty()) {
        continue;
      }
      try {
        entries.add(parseEntry(entry));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Invalid agentic.http.allow-hosts (AGENTIC_HTTP_ALLOW_HOSTS) entry '"
                + entry
                + "' ("
                + e.getMessage()
                + "): expected host, host:port, IP address, [IPv6]:port or CIDR range");
      }
    }
    return new AllowList(List.copyOf(entries));
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * @param host the URL's host, normalized (lower case, no brackets, trailing dot removed)
   * @param port the port actually connected to
   * @param address one address the host resolved to
   */
  boolean allows(String host, int port, InetAddress address) {
    return entries.stream().anyMatch(entry -> entry.matches(host, port, address));
  }

  private static Entry parseEntry(String entry) {
    if (entry.indexOf('/') >= 0) {
      return new Range(Cidr.parse(entry));
    }
    String host = entry;
    int port = -1;
    if (entry.startsWith("[")) {
      int close = entry.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("unclosed bracket");
      }
      host = entry.substring(1, close);
      String rest = entry.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("text after ']'");
        }
        port = parsePort(rest.substring(1));
      }
      if (!HostLiterals.isIpv6(host)) {
        throw new IllegalArgumentException("brackets hold an IPv6 address");
      }
    } else if (entry.indexOf(':') != entry.lastIndexOf(':')) {
      host = entry; // a bare IPv6 address, no port
    } else if (entry.indexOf(':') >= 0) {
      host = entry.substring(0, entry.indexOf(':'));
      port = parsePort(entry.substring(entry.indexOf(':') + 1));
    }
    host = HostLiterals.normalize(host);
    if (HostLiterals.isIpv6(host)) {
      if (host.indexOf('%') >= 0) {
        throw new IllegalArgumentException("zone ids are not supported");
      }
      return new Address(InetAddress.ofLiteral(host), port);
    }
    if (HostLiterals.endsInNumber(host)) {
      if (!HostLiterals.isCanonicalIpv4(host)) {
        throw new IllegalArgumentException("IPv4 addresses are written as four decimal parts");
      }
      return new Address(InetAddress.ofLiteral(host), port);
    }
    if (!HostLiterals.isHostName(host)) {
      throw new IllegalArgumentException("not a host name");
    }
    return new Name(stripTrailingDot(host), port);
  }

  private static int parsePort(String text) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("bad port");
    }
    int port = Integer.parseInt(text);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range");
    }
    return port;
  }

  static String stripTrailingDot(String host) {
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }
}
