package io.agentic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the running gateway (HTTP/1.1, nothing decoded for us). */
public final class GatewayClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public GatewayClient(int port) {
    this.base = URI.create("http://localhost:" + port);
  }

  /** Appended as is (not resolved), so that odd paths such as {@code //api} reach the gateway. */
  public URI uri(String pathAndQuery) {
    return URI.create(base + pathAndQuery);
  }

  public HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30));
  }

  public HttpRequest.Builder authorized(String pathAndQuery) {
    return request(pathAndQuery).header("Authorization", "Bearer " + Tokens.valid());
  }

  public HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(request.build(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<byte[]> get(String pathAndQuery) {
    return send(request(pathAndQuery).GET());
  }

  public HttpResponse<byte[]> getAuthorized(String pathAndQuery) {
    return send(authorized(pathAndQuery).GET());
  }

  /** A body sent chunked: no Content-Length, so only counting the stream can cap it. */
  public static HttpRequest.BodyPublisher chunked(byte[] body) {
    return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
  }

  public static JsonNode json(HttpResponse<byte[]> response) {
    return JSON.readTree(response.body());
  }

  public static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  public static Optional<String> header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name);
  }

  /**
   * An error the gateway produced: problem+json with the status and code, a type derived from the
   * code, and nothing that looks like a stack trace or an internal message.
   */
  public static JsonNode assertProblem(HttpResponse<byte[]> response, int status, String code) {
    assertThat(response.statusCode()).as("status of %s", text(response)).isEqualTo(status);
    assertThat(header(response, "Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json(response);
    assertThat(problem.path("code").asString()).isEqualTo(code);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("type").asString())
        .isEqualTo("https://agentic.dev/problems/" + code.toLowerCase().replace('_', '-'));
    assertThat(problem.path("title").asString()).isNotBlank();
    assertThat(problem.path("detail").asString()).isNotBlank();
    assertThat(text(response))
        .doesNotContain("Exception", "\tat ", "trace", "127.0.0.1", "reactor.", "netty");
    assertThat(header(response, "X-Request-Id")).isPresent();
    return problem;
  }
}
