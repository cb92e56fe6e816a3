package io.agentic.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.List;
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

  @Test
  void setsTheUisContentSecurityPolicyOnDocumentationOnly() {
    MockServerWebExchange docs = MockServerWebExchange.from(MockServerHttpRequest.get("/docs"));
    MockServerWebExchange ui =
        MockServerWebExchange.from(MockServerHttpRequest.get("/docs/swagger-ui/index.html"));
    MockServerWebExchange lookalike =
        MockServerWebExchange.from(MockServerHttpRequest.get("/docsx/a"));
    MockServerWebExchange api =
        MockServerWebExchange.from(MockServerHttpRequest.get("/api/workflows"));

    for (MockServerWebExchange exchange : List.of(docs, ui, lookalike, api)) {
      answer(exchange);
    }

    assertThat(docs.getResponse().getHeaders().getFirst("Content-Security-Policy"))
        .isEqualTo(
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                + "script-src 'self'");
    assertThat(ui.getResponse().getHeaders().getFirst("Content-Security-Policy"))
        .isEqualTo(docs.getResponse().getHeaders().getFirst("Content-Security-Policy"));
    assertThat(lookalike.getResponse().getHeaders().containsHeader("Content-Security-Policy"))
        .isFalse();
    assertThat(api.getResponse().getHeaders().containsHeader("Content-Security-Policy")).isFalse();
    assertThat(ui.getResponse().getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
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
