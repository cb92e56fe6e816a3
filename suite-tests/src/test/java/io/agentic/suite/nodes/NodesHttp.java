package io.agentic.suite.nodes;

import io.agentic.suite.ai.Gateway;
import io.agentic.suite.ai.Gateway.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** The calls {@link Gateway} does not make: PUT. */
final class NodesHttp {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private NodesHttp() {}

  static Answer put(Gateway gateway, String path, JsonNode body, String token) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token)
            .PUT(HttpRequest.BodyPublishers.ofString(Gateway.JSON.writeValueAsString(body)))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode json;
      try {
        json = Gateway.JSON.readTree(response.body());
      } catch (RuntimeException notJson) {
        json = Gateway.JSON.missingNode();
      }
      return new Answer(response.statusCode(), response, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
