package io.agentic.execution.nodes.http;

import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.core5.http.HttpHost;

/**
 * The SSRF guard for every outbound request built from user data. Two halves, both needed:
 *
 * <ol>
 *   <li>{@link #vet} checks a URL's syntax before anything is sent: http/https only, no userinfo, a
 *       real host, IP literals only in canonical form;
 *   <li>{@link #dnsResolver} is the only resolver of the HTTP client: it resolves a host once, at
 *       connect time, refuses it when ANY of its addresses is private, loopback, link-local or
 *       reserved (unless the operator's allow-list covers it), and hands the client exactly the
 *       addresses it checked. The address checked is therefore the address connected to; DNS
 *       rebinding between a check and a connect cannot happen.
 * </ol>
 *
 * Redirects must be followed by hand, each hop vetted again (the client never follows them).
 */
public final class OutboundGuard {

  /** A URL that passed {@link #vet}: the canonical URI to request and the host to connect to. */
  public record Target(URI uri, HttpHost host) {

    /** scheme://host:port, to tell whether a redirect leaves the origin. */
    public String origin() {
      return host.toURI();
    }
  }

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

  private final AllowList allowList;
  private final HostLookup lookup;
  private final DnsResolver dnsResolver = new PinningDnsResolver();

  /**
   * @param allowHosts host, host:port, IP or CIDR entries that may be reached although private
   * @throws IllegalArgumentException naming an entry that is none of these
   */
  public OutboundGuard(Collection<String> allowHosts) {
    this(allowHosts, HostLookup.SYSTEM);
  }

  OutboundGuard(Collection<String> allowHosts, HostLookup lookup) {
    this.allowList = AllowList.parse(allowHosts);
    this.lookup = lookup;
  }

  /** Checks a URL's form. Its host's addresses are checked later, by {@link #dnsResolver()}. */
  public Target vet(String url) throws OutboundRefusedException {
    if (url == null || url.isBlank()) {
      throw OutboundRefusedException.invalid("url is missing");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      Matcher scheme = SCHEME.matcher(url);
      if (scheme.find() && !isWebScheme(scheme.group(1))) {
        throw OutboundRefusedException.blocked("only http and https URLs are allowed");
      }
      throw OutboundRefusedException.invalid("url is not a valid URL");
    }
    if (uri.getScheme() == null) {
      throw OutboundRefusedException.invalid("url must be absolute (http:// or https://)");
    }
    if (!isWebScheme(uri.getScheme())) {
      throw OutboundRefusedException.blocked("only http and https URLs are allowed");
    }
    String authority = uri.getRawAuthority();
    if (uri.isOpaque() || authority == null || authority.isEmpty()) {
      throw OutboundRefusedException.invalid("url has no host");
    }
    if (uri.getRawUserInfo() != null || authority.indexOf('@') >= 0) {
      throw OutboundRefusedException.blocked("credentials in the URL are not allowed");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    int port = uri.getPort();
    if (host == null) { // the URI parser took the authority as registry-based: split it ourselves
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      port = colon < 0 ? -1 : parsePort(authority.substring(colon + 1));
      if (host.indexOf('%') >= 0 || host.indexOf('[') >= 0) {
        throw OutboundRefusedException.invalid("url has an invalid host");
      }
    }
    host = asciiHost(host);
    host = checkHost(host.toLowerCase(Locale.ROOT));
    if (port == 0 || port > 65535) {
      throw OutboundRefusedException.invalid("url has an invalid port");
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String hostInUri = HostLiterals.isIpv6(host) ? "[" + host + "]" : host;
    try {
      URI canonical =
          new URI(scheme + "://" + hostInUri + (port < 0 ? "" : ":" + port) + path + query);
      return new Target(canonical, new HttpHost(scheme, host, port));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw OutboundRefusedException.invalid("url is not a valid URL");
    }
  }

  /**
   * The resolver to give the HTTP client's connection manager, and nothing else: it is where
   * addresses are checked.
   */
  public DnsResolver dnsResolver() {
    return dnsResolver;
  }

  /** Resolves a host once and returns its addresses if every one of them may be reached. */
  InetAddress[] vetAddresses(String rawHost, int port) throws UnknownHostException {
    // HttpCore hands over internationalized names decoded (bücher.test): compare and look up the
    // ASCII form, as vet() produced it.
    String host = AllowList.stripTrailingDot(HostLiterals.normalize(asciiHost(rawHost)));
    if (host.indexOf('%') >= 0) {
      throw OutboundRefusedException.blocked("IPv6 zone ids are not allowed");
    }
    if (!HostLiterals.isIpv6(host)
        && HostLiterals.endsInNumber(host)
        && !HostLiterals.isCanonicalIpv4(host)) {
      throw OutboundRefusedException.blocked("IPv4 addresses must be written as a.b.c.d");
    }
    InetAddress literal;
    try {
      literal = HostLiterals.literalAddress(host);
    } catch (IllegalArgumentException e) {
      throw OutboundRefusedException.invalid("url has an invalid IP address");
    }
    InetAddress[] addresses = literal != null ? new InetAddress[] {literal} : lookup.resolve(host);
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException(host);
    }
    for (InetAddress address : addresses) {
      if (BlockedAddresses.isBlocked(address) && !allowList.allows(host, port, address)) {
        // Refuse the whole host: with one good and one bad address the client could pick either.
        throw OutboundRefusedException.blocked(
            host + " leads to a private, loopback or reserved address, which is not allowed");
      }
    }
    return addresses.clone();
  }

  private static boolean isWebScheme(String scheme) {
    return scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
  }

  private static int parsePort(String text) throws OutboundRefusedException {
    if (text.isEmpty()) {
      return -1;
    }
    if (text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw OutboundRefusedException.invalid("url has an invalid port");
    }
    return Integer.parseInt(text);
  }

  /** Internationalized names become their ASCII (punycode) form; anything else odd is refused. */
  private static String asciiHost(String host) throws OutboundRefusedException {
    if (host.chars().allMatch(c -> c < 128)) {
      return host;
    }
    try {
      return IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
    } catch (IllegalArgumentException e) {
      throw OutboundRefusedException.invalid("url has an invalid host");
    }
  }

  /** Returns the host without brackets, or refuses it. Addresses are checked at connect time. */
  private static String checkHost(String host) throws OutboundRefusedException {
    String bare = HostLiterals.normalize(host);
    if (HostLiterals.isIpv6(bare)) {
      if (bare.indexOf('%') >= 0) {
        throw OutboundRefusedException.blocked("IPv6 zone ids are not allowed");
      }
      try {
        HostLiterals.literalAddress(bare);
      } catch (IllegalArgumentException e) {
        throw OutboundRefusedException.invalid("url has an invalid IP address");
      }
      return bare;
    }
    if (HostLiterals.endsInNumber(bare)) {
      if (!HostLiterals.isCanonicalIpv4(bare)) {
        // 2130706433, 0x7f.1, 0177.0.0.1, 127.1: parsers disagree on these, so none is sent.
        throw OutboundRefusedException.blocked("IPv4 addresses must be written as a.b.c.d");
      }
      return bare;
    }
    if (!HostLiterals.isHostName(bare)) {
      throw OutboundRefusedException.invalid("url has an invalid host");
    }
    return bare;
  }

  /** Resolves once, checks every address, returns only what was checked (see class comment). */
  private final class PinningDnsResolver implements DnsResolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      return vetAddresses(host, -1);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
      return Arrays.stream(vetAddresses(host, port))
          .map(address -> new InetSocketAddress(address, port))
          .toList();
    }

    /** Never a second (reverse) lookup: the name stays the one that was checked. */
    @Override
    public String resolveCanonicalHostname(String host) {
      return host;
    }
  }
}
