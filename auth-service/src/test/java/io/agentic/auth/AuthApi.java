package io.agentic.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for auth-service in tests: raw JSON in, status, headers and JSON out. */
public final class AuthApi {

  public static final String PASSWORD = "a-long-enough-password";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RestClient client;

  public AuthApi(int port) {
    this.client =
        RestClient.builder()
            .baseUrl("http://localhost:" + port)
            .defaultStatusHandler(status -> true, (request, response) -> {})
            .build();
  }

  public record Response(int status, HttpHeaders headers, String raw) {

    public JsonNode json() {
      return raw == null || raw.isEmpty() ? JSON.missingNode() : JSON.readTree(raw);
    }

    public String text(String field) {
      return json().path(field).asString();
    }

    public MediaType contentType() {
      return headers.getContentType();
    }
  }

  /** A user with fresh random names, already registered. */
  public record Account(
      String id, String username, String email, String accessToken, String refreshToken) {}

  public static String freshName() {
    return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  }

  public static String json(Object value) {
    return JSON.writeValueAsString(value);
  }

  public Response post(String path, String body) {
    return send(HttpMethod.POST, path, body, null);
  }

  public Response post(String path, String body, String bearer) {
    return send(HttpMethod.POST, path, body, bearer);
  }

  public Response get(String path, String bearer) {
    return send(HttpMethod.GET, path, null, bearer);
  }

  public Response put(String path, String body, String bearer) {
    return send(HttpMethod.PUT, path, body, bearer);
  }

  public Response delete(String path, String bearer) {
    return send(HttpMethod.DELETE, path, null, bearer);
  }

  public Response send(HttpMethod method, String path, String body, String bearer) {
    return send(method, path, body, bearer, new HttpHeaders());
  }

  public Response send(
      HttpMethod method, String path, String body, String bearer, HttpHeaders headers) {
    RestClient.RequestBodySpec request = client.method(method).uri(path);
    request.headers(h -> h.addAll(headers));
    if (bearer != null) {
      request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
    }
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return request.exchange(
        (req, res) ->
            new Response(
                res.getStatusCode().value(),
                res.getHeaders(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
  }

  public Response register(String username, String email, String password) {
    return post(
        "/api/auth/register",
        json(Map.of("username", username, "email", email, "password", password)));
  }

  public Response login(String login, String password) {
    return post("/api/auth/login", json(Map.of("login", login, "password", password)));
  }

  public Response refresh(String refreshToken) {
    return post("/api/auth/refresh", json(Map.of("refreshToken", refreshToken)));
  }

  /** Creates an API key for {@code bearer}'s user; {@code scopes} null leaves them out. */
  public Response createKey(String bearer, String name, java.util.List<String> scopes) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("name", name);
    if (scopes != null) {
      body.put("scopes", scopes);
    }
    return post("/api/auth/api-keys", json(body), bearer);
  }

  /** What the gateway does with an API key. */
  public Response exchange(String key, String gatewaySecret) {
    HttpHeaders headers = new HttpHeaders();
    if (gatewaySecret != null) {
      headers.set("X-Gateway-Secret", gatewaySecret);
    }
    return send(
        HttpMethod.POST, "/api/auth/api-keys/exchange", json(Map.of("key", key)), null, headers);
  }

  public Response me(String bearer) {
    return get("/api/auth/me", bearer);
  }

  public Account newAccount() {
    String username = freshName();
    String email = username + "@example.test";
    Response response = register(username, email, PASSWORD);
    if (response.status() != 201) {
      throw new IllegalStateException("Registration failed: " + response);
    }
    JsonNode body = response.json();
    return new Account(
        body.path("user").path("id").asString(),
        username,
        email,
        body.path("accessToken").asString(),
        body.path("refreshToken").asString());
  }

  /** The answer is a problem+json with this status and {@code code}. */
  public static void assertProblem(Response response, int status, String code) {
    assertThat(response.status()).as(response.raw()).isEqualTo(status);
    assertThat(response.contentType()).isNotNull();
    assertThat(response.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .as("content type %s", response.contentType())
        .isTrue();
    assertThat(response.text("code")).isEqualTo(code);
  }
}
