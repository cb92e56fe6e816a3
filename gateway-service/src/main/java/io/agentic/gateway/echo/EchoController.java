package io.agentic.gateway.echo;

import io.agentic.gateway.GatewayServiceProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A harmless public target (the README walk-through's HTTP_REQUEST node calls it): answers with
 * what it received, secrets redacted. Served by the gateway itself, with the usual 1 MiB body cap.
 */
@RestController
@Tag(name = "echo", description = "A harmless public target for trying HTTP calls out")
class EchoController {

  private final JsonMapper json;
  private final int maxBodyBytes;

  EchoController(JsonMapper json, GatewayServiceProperties properties) {
    this.json = json;
    this.maxBodyBytes = Math.toIntExact(properties.maxBodySize().toBytes());
  }

  @Operation(
      summary = "Echoes the request",
      description =
          "Public. Answers with the method, path, query, headers and body received (JSON bodies"
              + " parsed); secret headers such as Authorization are replaced by ***. Bodies up to"
              + " 1 MiB.")
  @RequestMapping(
      path = "/api/public/echo",
      method = {RequestMethod.GET, RequestMethod.POST})
  Mono<Map<String, Object>> echo(ServerHttpRequest request) {
    return request
        .getBody()
        .reduce(new ByteArrayOutputStream(), this::append)
        .map(bytes -> describe(request, bytes.toString(StandardCharsets.UTF_8)));
  }

  private Map<String, Object> describe(ServerHttpRequest request, String body) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("method", request.getMethod().name());
    answer.put("path", request.getPath().value());
    answer.put("query", query(request));
    answer.put("headers", headers(request));
    answer.put("body", body(request, body));
    return answer;
  }

  private static Map<String, Object> query(ServerHttpRequest request) {
    Map<String, Object> query = new LinkedHashMap<>();
    request
        .getQueryParams()
        .forEach((name, values) -> query.put(name, values.size() == 1 ? values.get(0) : values));
    return query;
  }

  /** Lower-case names (HTTP/2 style), values joined, secrets replaced by {@code ***}. */
  private static Map<String, String> headers(ServerHttpRequest request) {
    Map<String, String> headers = new TreeMap<>();
    request
        .getHeaders()
        .forEach(
            (name, values) ->
                headers.put(
                    name.toLowerCase(Locale.ROOT),
                    SecretHeaders.isSecret(name)
                        ? SecretHeaders.REDACTED
                        : String.join(", ", values)));
    return headers;
  }

  private Object body(ServerHttpRequest request, String body) {
    if (body.isEmpty()) {
      return null;
    }
    MediaType type = request.getHeaders().getContentType();
    boolean isJson =
        type != null
            && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || type.getSubtype().endsWith("+json"));
    if (isJson) {
      try {
        return json.readTree(body);
      } catch (JacksonException notJson) {
        // Echo what was sent, as text, when it only claims to be JSON.
      }
    }
    return body;
  }

  /** Copies and releases each chunk; the body size filter has already capped the total. */
  private ByteArrayOutputStream append(ByteArrayOutputStream bytes, DataBuffer buffer) {
    try {
      if (bytes.size() + buffer.readableByteCount() > maxBodyBytes) {
        throw new DataBufferLimitException("The request body is too large");
      }
      byte[] chunk = new byte[buffer.readableByteCount()];
      buffer.read(chunk);
      bytes.writeBytes(chunk);
      return bytes;
    } finally {
      DataBufferUtils.release(buffer);
    }
  }
}
