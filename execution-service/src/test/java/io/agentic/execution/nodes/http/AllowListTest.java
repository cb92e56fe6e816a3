package io.agentic.execution.nodes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowListTest {

  private static final InetAddress LOOPBACK = InetAddress.ofLiteral("127.0.0.1");

  @Test
  void aHostNameAllowsThatNameOnAnyPort() {
    AllowList allow = AllowList.parse(List.of("Mock.Internal"));

    assertThat(allow.allows("mock.internal", 80, LOOPBACK)).isTrue();
    assertThat(allow.allows("mock.internal", 9999, LOOPBACK)).isTrue();
    assertThat(allow.allows("other.internal", 80, LOOPBACK)).isFalse();
  }

  @Test
  void aHostAndPortAllowsOnlyThatPort() {
    AllowList allow = AllowList.parse(List.of("mock.internal:8080"));

    assertThat(allow.allows("mock.internal", 8080, LOOPBACK)).isTrue();
    assertThat(allow.allows("mock.internal", 8081, LOOPBACK)).isFalse();
    assertThat(allow.allows("mock.internal", -1, LOOPBACK)).isFalse();
  }

  @Test
  void anAddressAllowsThatAddressWhateverTheName() {
    AllowList allow = AllowList.parse(List.of("127.0.0.1:8080", "[::1]:9090", "fd00::7"));

    assertThat(allow.allows("localhost", 8080, LOOPBACK)).isTrue();
    assertThat(allow.allows("localhost", 8081, LOOPBACK)).isFalse();
    assertThat(allow.allows("127.0.0.2", 8080, InetAddress.ofLiteral("127.0.0.2"))).isFalse();
    assertThat(allow.allows("::1", 9090, InetAddress.ofLiteral("::1"))).isTrue();
    assertThat(allow.allows("x", 1, InetAddress.ofLiteral("fd00::7"))).isTrue();
    assertThat(allow.allows("x", 1, InetAddress.ofLiteral("fd00::8"))).isFalse();
  }

  @Test
  void anIpv4RangeAllowsTheAddressesInIt() {
    AllowList allow = AllowList.parse(List.of("10.1.0.0/16"));

    assertThat(allow.allows("a", 80, InetAddress.ofLiteral("10.1.255.3"))).isTrue();
    assertThat(allow.allows("a", 80, InetAddress.ofLiteral("10.2.0.1"))).isFalse();
  }

  @Test
  void anIpv6RangeAllowsTheAddressesInIt() {
    AllowList allow = AllowList.parse(List.of("fd00:1234::/32"));

    assertThat(allow.allows("a", 80, InetAddress.ofLiteral("fd00:1234:5::1"))).isTrue();
    assertThat(allow.allows("a", 80, InetAddress.ofLiteral("fd00:1235::1"))).isFalse();
    assertThat(allow.allows("a", 80, LOOPBACK)).isFalse();
  }

  @Test
  void skipsBlankEntriesAndTrimsTheRest() {
    AllowList allow = AllowList.parse(Arrays.asList("", "  ", null, " mock.internal "));

    assertThat(allow.allows("mock.internal", 80, LOOPBACK)).isTrue();
    assertThat(AllowList.parse(List.of()).isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://mock.internal",
        "mock.internal/",
        "10.0.0.0/33",
        "::1/129",
        "10.0.0.0/abc",
        "mock.internal:0",
        "mock.internal:99999",
        "mock.internal:abc",
        "mock.internal:",
        "a b",
        "*.example.com",
        "under_score.test",
        "0x7f.1",
        "2130706433",
        "127.1",
        "[::1",
        "[mock.internal]:80",
        "[::1]x",
        "fe80::1%eth0",
        "-bad-.test",
      })
  void rejectsAnInvalidEntryNamingIt(String entry) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AllowList.parse(List.of("ok.test", entry)))
        .withMessageContaining("'" + entry + "'")
        .withMessageContaining("AGENTIC_HTTP_ALLOW_HOSTS");
  }
}
