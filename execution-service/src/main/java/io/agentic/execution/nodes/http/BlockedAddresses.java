package io.agentic.execution.nodes.http;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Addresses a user's URL may not reach unless the operator allows them: loopback, private, link
 * local (cloud metadata), shared, benchmark, documentation, multicast and reserved ranges. Explicit
 * tables, because {@code Inet6Address.isSiteLocalAddress()} and friends miss fc00::/7 and the
 * IPv4-embedding IPv6 forms.
 */
final class BlockedAddresses {

  private static final List<Cidr> IPV4 =
      ranges(
          "0.0.0.0/8", // "this network"; 0.0.0.0 reaches local listeners on Linux
          "10.0.0.0/8",
          "100.64.0.0/10", // carrier-grade NAT
          "127.0.0.0/8",
          "169.254.0.0/16", // link local, 169.254.169.254 cloud metadata
          "172.16.0.0/12",
          "192.0.0.0/24",
          "192.0.2.0/24",
          "192.88.99.0/24",
          "192.168.0.0/16",
          "198.18.0.0/15", // benchmarking
          "198.51.100.0/24",
          "203.0.113.0/24",
          "224.0.0.0/4", // multicast
          "240.0.0.0/4"); // reserved, includes 255.255.255.255

  private static final List<Cidr> IPV6 =
      ranges(
          "::/96", // unspecified, loopback and the deprecated IPv4-compatible form
          "fe80::/10",
          "fec0::/10",
          "fc00::/7", // unique local
          "ff00::/8", // multicast
          "2001:db8::/32",
          "100::/64", // discard
          "2001::/32", // Teredo tunnels an IPv4 address we cannot vet
          "64:ff9b:1::/48"); // local-use NAT64

  /** IPv6 ranges whose last four bytes are an IPv4 address that gets checked in turn. */
  private static final List<Cidr> EMBEDDING_LAST_32_BITS =
      ranges(
          "::ffff:0:0/96", // IPv4-mapped (the JDK usually hands these over as IPv4 already)
          "::ffff:0:0:0/96", // IPv4-translated (SIIT)
          "64:ff9b::/96"); // NAT64

  private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

  private BlockedAddresses() {}

  static boolean isBlocked(InetAddress address) {
    return isBlocked(address.getAddress());
  }

  private static boolean isBlocked(byte[] address) {
    if (address.length == 4) {
      return IPV4.stream().anyMatch(range -> range.contains(address));
    }
    if (IPV6.stream().anyMatch(range -> range.contains(address))) {
      return true;
    }
    if (EMBEDDING_LAST_32_BITS.stream().anyMatch(range -> range.contains(address))) {
      return isBlocked(Arrays.copyOfRange(address, 12, 16));
    }
    if (SIX_TO_FOUR.contains(address)) {
      return isBlocked(Arrays.copyOfRange(address, 2, 6));
    }
    return false;
  }

  private static List<Cidr> ranges(String... cidrs) {
    return Stream.of(cidrs).map(BlockedAddresses::parseRaw).toList();
  }

  /** Keeps IPv6 ranges as 16 bytes, even ::ffff:0:0 which the JDK folds into an IPv4 address. */
  private static Cidr parseRaw(String cidr) {
    int slash = cidr.indexOf('/');
    String text = cidr.substring(0, slash);
    byte[] address = InetAddress.ofLiteral(text).getAddress();
    if (address.length == 4 && text.indexOf(':') >= 0) {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(address, 0, mapped, 12, 4);
      address = mapped;
    }
    return new Cidr(address, Integer.parseInt(cidr.substring(slash + 1)));
  }
}
