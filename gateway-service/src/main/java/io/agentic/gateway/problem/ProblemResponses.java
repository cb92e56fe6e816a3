package io.agentic.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem as {@code application/problem+json}: the one way the gateway answers with an
 * error of its own (the error handler, the security entry points, CORS rejections).
 */
@Component
public class ProblemResponses {

  private final JsonMapper json;

  ProblemResponses(JsonMapper json) {
    this.json = json;
  }

  public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
    return write(exchange, problem, HttpHeaders.EMPTY);
  }

  public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, HttpHeaders extra) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
    HttpHeaders headers = response.getHeaders();
    // Whatever a service had begun to answer is replaced by the problem.
    headers.remove(HttpHeaders.CONTENT_LENGTH);
    headers.remove(HttpHeaders.CONTENT_ENCODING);
    headers.remove(HttpHeaders.TRANSFER_ENCODING);
    headers.remove(HttpHeaders.ETAG);
    headers.remove(HttpHeaders.LOCATION);
    headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    extra.forEach(headers::put);
    byte[] body = json.writeValueAsBytes(asMap(problem, exchange.getRequest().getPath().value()));
    return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
  }

  /** RFC 9457 members first, then the extensions ({@code code}, {@code errors}) at top level. */
  private static Map<String, Object> asMap(ProblemDetail problem, String path) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    HttpStatus status = HttpStatus.resolve(problem.getStatus());
    body.put(
        "title",
        problem.getTitle() != null
            ? problem.getTitle()
            : status != null ? status.getReasonPhrase() : "Error");
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    body.put("instance", problem.getInstance() != null ? problem.getInstance().toString() : path);
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    return body;
  }
}
