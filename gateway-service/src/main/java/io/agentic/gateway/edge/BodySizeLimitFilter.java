package io.agentic.gateway.edge;

import io.agentic.gateway.GatewayServiceProperties;
import io.agentic.platform.problem.ApiException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Caps request bodies: 1 MiB by default, 8 MiB where the API allows more. A declared {@code
 * Content-Length} over the cap is refused before a byte is read; a body without one (chunked) is
 * counted as it streams through and cut off at the cap, so the service never gets the rest.
 */
@Component
class BodySizeLimitFilter implements WebFilter, Ordered {

  /** Method and path of the calls that may carry large bodies (inputs, chat histories). */
  private static final Set<String> LARGE_BODY_CALLS =
      Set.of("POST /api/executions", "POST /v1/chat/completions");

  private final long defaultLimit;
  private final long largeLimit;

  BodySizeLimitFilter(GatewayServiceProperties properties) {
    this.defaultLimit = properties.maxBodySize().toBytes();
    this.largeLimit = properties.maxLargeBodySize().toBytes();
  }

  long limitFor(ServerHttpRequest request) {
    HttpMethod method = request.getMethod();
    String call = method.name() + " " + request.getPath().pathWithinApplication().value();
    return LARGE_BODY_CALLS.contains(call) ? largeLimit : defaultLimit;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long limit = limitFor(request);
    if (request.getHeaders().getContentLength() > limit) {
      return Mono.error(tooLarge(limit));
    }
    ServerHttpRequest capped =
        new ServerHttpRequestDecorator(request) {
          @Override
          public Flux<DataBuffer> getBody() {
            return capped(super.getBody(), limit);
          }
        };
    return chain.filter(exchange.mutate().request(capped).build());
  }

  /**
   * The body, failing with 413 once more than {@code limit} bytes went through. The chunk that
   * crosses the limit is released here; readers of the capped body must release only what they
   * receive (Spring's {@code DataBufferUtils.join} would release that chunk a second time through
   * its discard hook, so the echo endpoint reads chunk by chunk instead).
   */
  static Flux<DataBuffer> capped(Flux<DataBuffer> body, long limit) {
    return Flux.defer(
        () -> {
          AtomicLong seen = new AtomicLong();
          return body.handle(
              (buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                  DataBufferUtils.release(buffer);
                  sink.error(tooLarge(limit));
                } else {
                  sink.next(buffer);
                }
              });
        });
  }

  static ApiException tooLarge(long limit) {
    return new ApiException(
        HttpStatus.CONTENT_TOO_LARGE,
        "PAYLOAD_TOO_LARGE",
        "The request body exceeds the limit of " + describe(limit));
  }

  private static String describe(long bytes) {
    DataSize size = DataSize.ofBytes(bytes);
    return bytes % (1024 * 1024) == 0 ? size.toMegabytes() + " MiB" : bytes + " bytes";
  }

  @Override
  public int getOrder() {
    return EdgeFilterOrder.BODY_SIZE_LIMIT;
  }
}
