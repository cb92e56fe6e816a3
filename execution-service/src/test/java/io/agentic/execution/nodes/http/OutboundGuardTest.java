package io.agentic.execution.nodes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundGuardTest {

  private final AtomicInteger lookups = new AtomicInteger();
  private final OutboundGuard guard =
      new OutboundGuard(
          List.of("mock.internal:8080", "10.9.0.0/16"),
          name -> {
            lookups.incrementAndGet();
            return switch (name) {
              case "public.test" -> addresses("93.184.216.34", "2606:4700::1");
              case "mixed.test" -> addresses("93.184.216.34", "10.0.0.5");
              case "mock.internal" -> addresses("127.0.0.1");
              case "office.test" -> addresses("10.9.1.2");
              default -> throw new UnknownHostException(name);
            };
          });

  @Test
  void canonicalizesAnAcceptedUrl() throws Exception {
    OutboundGuard.Target target = guard.vet("HTTPS://Public.TEST/a%20b?q=1&r=%2F#fragment");

    assertThat(target.uri()).hasToString("https://public.test/a%20b?q=1&r=%2F");
    assertThat(target.host().getSchemeName()).isEqualTo("https");
    assertThat(target.host().getHostName()).isEqualTo("public.test");
    assertThat(target.host().getPort()).isEqualTo(-1);
    assertThat(guard.vet("http://public.test").uri()).hasToString("http://public.test/");
    assertThat(guard.vet("http://[2606:4700::1]:8443/x").host().getHostName())
        .isEqualTo("2606:4700::1");
  }

  @Test
  void turnsAnInternationalNameIntoPunycode() throws Exception {
    assertThat(guard.vet("http://bücher.test/").uri()).hasToString("http://xn--bcher-kva.test/");
    assertThat(guard.vet("http://bücher.test/").host().toURI())
        .isEqualTo("http://xn--bcher-kva.test");
  }

  @Test
  void looksUpTheAsciiFormOfAnInternationalName() throws Exception {
    List<String> names = new java.util.ArrayList<>();
    OutboundGuard recording =
        new OutboundGuard(
            List.of(),
            name -> {
              names.add(name);
              return addresses("93.184.216.34");
            });

    // HttpCore's HttpHost hands names to the resolver decoded from punycode
    recording.dnsResolver().resolve("Bücher.test", 80);

    assertThat(names).containsExactly("xn--bcher-kva.test");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "file:///etc/passwd",
        "gopher://127.0.0.1:6379/_INFO",
        "dict://127.0.0.1:6379/",
        "ftp://127.0.0.1/",
        "jar:http://127.0.0.1/x.jar!/",
        "javascript:alert(1)",
        "ldap://127.0.0.1/",
        "http://user@public.test/",
        "http://user:pw@public.test/",
        "http://user:pw@evil.test@127.0.0.1/",
        "http://2130706433/",
        "http://0x7f000001/",
        "http://0x7f.1/",
        "http://017700000001/",
        "http://0177.0.0.1/",
        "http://127.1/",
        "http://127.0.0.01/",
        "http://127.0.0.1./",
        "http://0/",
        "http://[fe80::1%25lo]/",
      })
  void blocksSchemesCredentialsAndAmbiguousAddressesBeforeAnyLookup(String url) {
    assertThatThrownBy(() -> guard.vet(url))
        .isInstanceOfSatisfying(
            OutboundRefusedException.class, e -> assertThat(e.code()).isEqualTo("SSRF_BLOCKED"));
    assertThat(lookups).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "/relative/path",
        "public.test/no-scheme",
        "http://",
        "http:///path",
        "http://a b/",
        "http://public.test:0/",
        "http://public.test:99999/",
        "http://under_score.test/",
        "http://[not-ipv6]/",
        "http://public.test/\r\nHost: x",
      })
  void rejectsUrlsThatAreNotUrls(String url) {
    assertThatThrownBy(() -> guard.vet(url))
        .isInstanceOfSatisfying(
            OutboundRefusedException.class, e -> assertThat(e.code()).isEqualTo("INVALID_URL"));
  }

  @Test
  void resolvesOnceAndReturnsTheAddressesItChecked() throws Exception {
    List<InetSocketAddress> resolved = guard.dnsResolver().resolve("public.test", 443);

    assertThat(resolved)
        .containsExactly(
            new InetSocketAddress(InetAddress.ofLiteral("93.184.216.34"), 443),
            new InetSocketAddress(InetAddress.ofLiteral("2606:4700::1"), 443));
    assertThat(lookups).hasValue(1);
    assertThat(guard.dnsResolver().resolveCanonicalHostname("public.test"))
        .isEqualTo("public.test");
    assertThat(lookups).hasValue(1);
  }

  @Test
  void refusesAHostWhenAnyOfItsAddressesIsBlocked() {
    assertThatThrownBy(() -> guard.dnsResolver().resolve("mixed.test", 80))
        .isInstanceOfSatisfying(
            OutboundRefusedException.class,
            e -> {
              assertThat(e.code()).isEqualTo("SSRF_BLOCKED");
              assertThat(e.getMessage()).doesNotContain("10.0.0.5");
            });
  }

  @Test
  void letsTheAllowListOpenPrivateDestinations() throws Exception {
    assertThat(guard.dnsResolver().resolve("mock.internal", 8080)).hasSize(1);
    assertThat(guard.dnsResolver().resolve("office.test", 443)).hasSize(1);
    assertThat(guard.dnsResolver().resolve("10.9.200.1", 80)).hasSize(1);
    assertThatThrownBy(() -> guard.dnsResolver().resolve("mock.internal", 8081))
        .isInstanceOf(OutboundRefusedException.class);
    assertThatThrownBy(() -> guard.dnsResolver().resolve("10.10.0.1", 80))
        .isInstanceOf(OutboundRefusedException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"127.0.0.1", "[::1]", "::ffff:127.0.0.1", "2130706433", "0x7f.1", "fe80::1%lo"})
  void checksLiteralsAtConnectTimeWithoutALookup(String host) {
    assertThatThrownBy(() -> guard.dnsResolver().resolve(host, 80))
        .isInstanceOfSatisfying(
            OutboundRefusedException.class, e -> assertThat(e.code()).isEqualTo("SSRF_BLOCKED"));
    assertThat(lookups).hasValue(0);
  }

  @Test
  void reportsAnUnknownNameAsUnknown() {
    assertThatThrownBy(() -> guard.dnsResolver().resolve("nowhere.test", 80))
        .isInstanceOf(UnknownHostException.class)
        .isNotInstanceOf(OutboundRefusedException.class);
  }

  @Test
  void failsOnAnInvalidAllowListEntry() {
    assertThatThrownBy(() -> new OutboundGuard(List.of("10.0.0.0/99")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'10.0.0.0/99'");
  }

  private static InetAddress[] addresses(String... literals) {
    return java.util.Arrays.stream(literals)
        .map(InetAddress::ofLiteral)
        .toArray(InetAddress[]::new);
  }
}
