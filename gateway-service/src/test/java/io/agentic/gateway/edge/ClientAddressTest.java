package io.agentic.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressTest {

  static final TrustedProxies PROXIES =
      TrustedProxies.of(List.of("10.0.0.0/8", " 192.168.1.1 ", "fd00::/8"));

  @Test
  void usesTheSocketPeerWhenItIsNoTrustedProxy() {
    var request = from("203.0.113.9", "198.51.100.1");

    assertThat(ClientAddress.resolve(request, PROXIES)).isEqualTo("203.0.113.9");
    assertThat(
            ClientAddress.resolve(from("10.1.2.3", "198.51.100.1"), TrustedProxies.of(List.of())))
        .isEqualTo("10.1.2.3");
  }

  @Test
  void usesTheRightMostUntrustedForwardedAddressBehindTrustedProxies() {
    // the client wrote the first entry itself; the proxies appended the rest
    var request = from("10.0.0.5", "1.2.3.4, 198.51.100.7, 192.168.1.1, 10.9.9.9");

    assertThat(ClientAddress.resolve(request, PROXIES)).isEqualTo("198.51.100.7");
  }

  @Test
  void readsEveryForwardedForHeaderInOrder() {
    var request =
        MockServerHttpRequest.get("/")
            .remoteAddress(new InetSocketAddress("10.0.0.5", 443))
            .header("X-Forwarded-For", "198.51.100.7")
            .header("X-Forwarded-For", "10.0.0.6")
            .build();

    assertThat(ClientAddress.resolve(request, PROXIES)).isEqualTo("198.51.100.7");
  }

  @Test
  void stopsAtGarbageAndKeepsTheLastProxysAddress() {
    var request = from("10.0.0.5", "198.51.100.7, evil.example, 10.0.0.6");

    assertThat(ClientAddress.resolve(request, PROXIES)).isEqualTo("10.0.0.6");
  }

  @Test
  void usesTheLeftMostWhenEveryHopIsTrusted() {
    assertThat(ClientAddress.resolve(from("10.0.0.5", "10.0.0.7, 10.0.0.6"), PROXIES))
        .isEqualTo("10.0.0.7");
    assertThat(ClientAddress.resolve(from("10.0.0.5", null), PROXIES)).isEqualTo("10.0.0.5");
  }

  @Test
  void understandsIpv6() {
    assertThat(ClientAddress.resolve(from("fd00::1", "2001:db8::5, [fd00::2]"), PROXIES))
        .isEqualTo("2001:db8:0:0:0:0:0:5");
  }

  @Test
  void refusesTrustedProxiesThatAreNotAddresses() {
    assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.example")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void matchesCidrBlocksBitByBit() throws Exception {
    TrustedProxies proxies = TrustedProxies.of(List.of("172.16.0.0/12"));

    assertThat(proxies.contains(java.net.InetAddress.ofLiteral("172.31.255.255"))).isTrue();
    assertThat(proxies.contains(java.net.InetAddress.ofLiteral("172.32.0.0"))).isFalse();
    assertThat(proxies.contains(java.net.InetAddress.ofLiteral("::ffff:1"))).isFalse();
  }

  private static MockServerHttpRequest from(String peer, String forwardedFor) {
    var builder = MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress(peer, 443));
    if (forwardedFor != null) {
      builder.header("X-Forwarded-For", forwardedFor);
    }
    return builder.build();
  }
}
