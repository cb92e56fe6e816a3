package io.agentic.suite.observability;

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

/** JSON over HTTP to one base URL (the gateway, or a service's own port), as a client does. */
final class Http {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A status, the raw answer and the body parsed when it is JSON. */
  record Answer(int status, HttpResponse<String> raw, JsonNode json) {
    String body() {
      return raw.body();
    }

    @Override
    public String toString() {
      String body = raw.body();
      return status + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
    }
  }

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;

  Http(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  Answer get(String path, String token) {
    return get(path, token, Map.of());
  }

  Answer get(String path, String token, Map<String, String> headers) {
    return send(request(path, token, headers).GET());
  }

  /** A plain-text read, e.g. Prometheus' exposition format. */
  Answer getText(String path, String token) {
    return send(request(path, token, Map.of()).setHeader("Accept", "text/plain, */*").GET());
  }

  Answer post(String path, Object body, String token) {
    return post(path, body, token, Map.of());
  }

  Answer post(String path, Object body, String token, Map<String, String> headers) {
    return send(
        request(path, token, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  /** Logs in and answers the access token. */
  String login(String login, String password) {
    Answer answer = post("/api/auth/login", Map.of("login", login, "password", password), null);
    if (answer.status() != 200) {
      throw new AssertionError("logging in " + login + " answered " + answer);
    }
    return answer.json().path("accessToken").asString();
  }

  /** Registers a fresh user (role {@code user}) and answers its access token. */
  String newUserToken() {
    String name = "obs" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String password = "correct horse battery " + name;
    Answer registered =
        post(
            "/api/auth/register",
            Map.of("username", name, "email", name + "@example.com", "password", password),
            null);
    if (registered.status() != 201) {
      throw new AssertionError("registering " + name + " answered " + registered);
    }
    return registered.json().path("accessToken").asString();
  }

  /** Saves a workflow and answers its id. */
  String saveWorkflow(JsonNode workflow, String token) {
    Answer created = post("/api/workflows", workflow, token);
    if (created.status() != 201) {
      throw new AssertionError("saving a workflow answered " + created);
    }
    return created.json().path("id").asString();
  }

  private HttpRequest.Builder request(String path, String token, Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(90))
            .header("Accept", "application/json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    headers.forEach(builder::header);
    return builder;
  }

  private static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
