package io.agentic.execution.support;

import io.agentic.platform.kafka.ContractJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A small HTTP client for the service under test, answering parsed JSON. */
public final class Api {

  /** One answer: status, headers, and the body parsed as a JSON object (empty if none). */
  public record Answer(int status, Map<String, List<String>> headers, Map<String, Object> json) {

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }

    @SuppressWarnings("unchecked")
    public <T> T at(String path) {
      Object current = json;
      for (String part : path.split("\\.")) {
        current = current instanceof Map<?, ?> m ? m.get(part) : null;
      }
      return (T) current;
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public Answer get(String path, String bearer) {
    return send(request(path, bearer).GET());
  }

  public Answer post(String path, String bearer, Object body, String... headers) {
    String json = body instanceof String s ? s : ContractJson.mapper().writeValueAsString(body);
    HttpRequest.Builder request =
        request(path, bearer)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  public Answer postEmpty(String path, String bearer) {
    return send(request(path, bearer).POST(HttpRequest.BodyPublishers.noBody()));
  }

  public Answer delete(String path, String bearer) {
    return send(request(path, bearer).DELETE());
  }

  private HttpRequest.Builder request(String path, String bearer) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(90));
    if (bearer != null) {
      builder.header("Authorization", bearer);
    }
    return builder;
  }

  @SuppressWarnings("unchecked")
  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      Map<String, Object> json =
          body == null || body.isBlank() || !body.trim().startsWith("{")
              ? Map.of()
              : ContractJson.mapper().readValue(body, Map.class);
      return new Answer(response.statusCode(), response.headers().map(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
