package io.agentic.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class PublicPathsTest {

  @Test
  void anEventStreamWithATicketNeedsNoTokenAtTheEdge() {
    assertThat(isPublic(MockServerHttpRequest.get("/api/executions/e1/events?ticket=abc")))
        .isTrue();
  }

  @Test
  void anEventStreamWithoutATicketStillNeedsAToken() {
    assertThat(isPublic(MockServerHttpRequest.get("/api/executions/e1/events"))).isFalse();
    assertThat(isPublic(MockServerHttpRequest.get("/api/executions/e1?ticket=abc"))).isFalse();
    assertThat(isPublic(MockServerHttpRequest.post("/api/executions/e1/events?ticket=abc")))
        .isFalse();
  }

  private static boolean isPublic(MockServerHttpRequest.BaseBuilder<?> request) {
    return Boolean.TRUE.equals(
        PublicPaths.matcher()
            .matches(MockServerWebExchange.from(request))
            .map(result -> result.isMatch())
            .block());
  }
}
