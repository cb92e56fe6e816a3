package io.agentic.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentic.gateway.GatewayServiceProperties;
import io.agentic.platform.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;

class BodySizeLimitFilterTest {

  final BodySizeLimitFilter filter =
      new BodySizeLimitFilter(
          new GatewayServiceProperties(
              null,
              null,
              null,
              DataSize.ofMegabytes(1),
              DataSize.ofMegabytes(8),
              List.of(),
              "",
              List.of(),
              null,
              null,
              null));

  @Test
  void allowsEightMiBOnlyForStartingExecutionsAndChatCompletions() {
    assertThat(filter.limitFor(MockServerHttpRequest.post("/api/executions").build()))
        .isEqualTo(8L * 1024 * 1024);
    assertThat(filter.limitFor(MockServerHttpRequest.post("/v1/chat/completions").build()))
        .isEqualTo(8L * 1024 * 1024);
    assertThat(filter.limitFor(MockServerHttpRequest.put("/api/executions").build()))
        .isEqualTo(1024 * 1024);
    assertThat(filter.limitFor(MockServerHttpRequest.post("/api/executions/x/retry").build()))
        .isEqualTo(1024 * 1024);
    assertThat(filter.limitFor(MockServerHttpRequest.post("/api/workflows").build()))
        .isEqualTo(1024 * 1024);
  }

  @Test
  void passesABodyUpToTheLimit() {
    List<DataBuffer> body =
        BodySizeLimitFilter.capped(Flux.just(chunk(600), chunk(400)), 1000).collectList().block();

    assertThat(body).hasSize(2);
  }

  @Test
  void failsWith413OnceTheLimitIsCrossed() {
    assertThatThrownBy(
            () ->
                BodySizeLimitFilter.capped(Flux.just(chunk(600), chunk(401)), 1000)
                    .collectList()
                    .block())
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(413);
              assertThat(e.code()).isEqualTo("PAYLOAD_TOO_LARGE");
            });
  }

  private static DataBuffer chunk(int size) {
    return DefaultDataBufferFactory.sharedInstance.wrap(
        "x".repeat(size).getBytes(StandardCharsets.US_ASCII));
  }
}
