package io.agentic.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the service under test: raw status, headers and JSON. */
public final class Api {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  /** One answer: status, headers and the body as JSON (null when empty or not JSON). */
  public record Answer(int status, HttpResponse<String> raw, JsonNode body) {

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }

    public String code() {
      return body == null ? null : body.path("code").asString(null);
    }

    @Override
    public String toString() {
      return status + " " + raw.body();
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public Api(int port) {
    this.base = "http://localhost:" + port;
  }

  public Answer get(String path, String token) {
    return send(request(path, token).GET());
  }

  public Answer delete(String path, String token) {
    return send(request(path, token).DELETE());
  }

  public Answer post(String path, String token, Object body) {
    return send(request(path, token).POST(json(body)));
  }

  public Answer put(String path, String token, Object body) {
    return put(path, token, body, Map.of());
  }

  public Answer put(String path, String token, Object body, Map<String, String> headers) {
    HttpRequest.Builder b = request(path, token).PUT(json(body));
    headers.forEach(b::header);
    return send(b);
  }

  public Answer send(String method, String path, String token, HttpRequest.BodyPublisher body) {
    return send(request(path, token).method(method, body));
  }

  public HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  public Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = null;
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (!response.body().isEmpty() && type.contains("json")) {
        body = JSON.readTree(response.body());
      }
      return new Answer(response.statusCode(), response, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    String text = body instanceof String s ? s : JSON.writeValueAsString(body);
    return HttpRequest.BodyPublishers.ofString(text);
  }
}
