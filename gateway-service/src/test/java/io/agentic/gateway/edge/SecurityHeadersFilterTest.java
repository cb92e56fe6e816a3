package io.agentic.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class SecurityHeadersFilterTest {

  final SecurityHeadersFilter filter = new SecurityHeadersFilter();

  @Test
  void addsHstsOnlyOverTls() {
    MockServerWebExchange tls =
        MockServerWebExchange.from(
            MockServerHttpRequest.get("https://api.example/x").sslInfo(tls()));
    MockServerWebExchange plain =
        MockServerWebExchange.from(MockServerHttpRequest.get("http://api.example/x"));

    answer(tls);
    answer(plain);

    assertThat(tls.getResponse().getHeaders().getFirst("Strict-Transport-Security"))
        .isEqualTo(SecurityHeadersFilter.HSTS);
    assertThat(plain.getResponse().getHeaders().containsHeader("Strict-Transport-Security"))
        .isFalse();
  }

  @Test
  void keepsTheCachePolicyAServiceChose() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.get("/.well-known/jwks.json"));

    filter
        .filter(
            exchange,
            e -> {
              e.getResponse().getHeaders().setCacheControl("max-age=300");
              return e.getResponse().setComplete();
            })
        .block();

    HttpHeaders headers = exchange.getResponse().getHeaders();
    assertThat(headers.getCacheControl()).isEqualTo("max-age=300");
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void replacesWeakerFramingRulesFromAService() {
    MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/x"));

    filter
        .filter(
            exchange,
            e -> {
              e.getResponse().getHeaders().add("X-Frame-Options", "SAMEORIGIN");
              return e.getResponse().setComplete();
            })
        .block();

    assertThat(exchange.getResponse().getHeaders().get("X-Frame-Options")).containsExactly("DENY");
    assertThat(exchange.getResponse().getHeaders().getCacheControl()).isEqualTo("no-store");
  }

  private void answer(MockServerWebExchange exchange) {
    filter.filter(exchange, e -> e.getResponse().setComplete()).block();
  }

  private static SslInfo tls() {
    return new SslInfo() {
      @Override
      public String getSessionId() {
        return "s";
      }

      @Override
      public X509Certificate[] getPeerCertificates() {
        return new X509Certificate[0];
      }
    };
  }
}
