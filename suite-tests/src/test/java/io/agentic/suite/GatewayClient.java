package io.agentic.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Speaks JSON to the gateway over HTTP, as a client of the suite does. */
final class GatewayClient {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A status, the headers and the body (parsed when it is JSON). */
  record Answer(int status, HttpResponse<String> raw, JsonNode json) {

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String contentType() {
      return header("Content-Type");
    }

    @Override
    public String toString() {
      return status + " " + raw.body();
    }
  }

  /** A registered user and the access token it logged in with. */
  record Session(String userId, String username, String email, String password, String token) {}

  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  GatewayClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  Answer get(String path, String token) {
    return send(request(path, token).GET());
  }

  Answer post(String path, Object body, String token) {
    return postRaw(path, JSON.writeValueAsString(body), token);
  }

  Answer postRaw(String path, String body, String token) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Registers a fresh user and logs in with the email address, as a newcomer would. */
  Session newUser() {
    String name = "user" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String email = name + "@example.com";
    String password = "correct horse battery " + name;
    Answer registered =
        post(
            "/api/auth/register",
            Map.of("username", name, "email", email, "password", password),
            null);
    if (registered.status() != 201) {
      throw new AssertionError("registering " + name + " answered " + registered);
    }
    Answer login = login(email, password);
    if (login.status() != 200) {
      throw new AssertionError("logging in " + name + " answered " + login);
    }
    return new Session(
        login.json().path("user").path("id").asString(),
        name,
        email,
        password,
        login.json().path("accessToken").asString());
  }

  Answer login(String login, String password) {
    return post("/api/auth/login", Map.of("login", login, "password", password), null);
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(90))
            .header("Accept", "application/json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response, parse(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return JSON.missingNode();
    }
    try {
      return JSON.readTree(body);
    } catch (RuntimeException notJson) {
      return JSON.missingNode();
    }
  }
}
