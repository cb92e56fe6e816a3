package io.agentic.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared {@link Suite} for test classes in sub-packages: where its gateway listens, and a
 * client that speaks any method, header and body to it (what {@link GatewayClient} needs not).
 */
public final class SuiteAccess {

  public static final JsonMapper JSON = GatewayClient.JSON;

  private SuiteAccess() {}

  /** Starts the suite on first use, like {@link Suite#gateway()}. */
  public static String gatewayUrl() {
    return Suite.localSuite().gatewayUrl();
  }

  /** Reachable from HTTP_REQUEST nodes although on loopback, like {@link Suite#allowedTarget()}. */
  public static HttpTarget allowedTarget() {
    return Suite.allowedTarget();
  }

  public static Client client() {
    return new Client(gatewayUrl());
  }

  /**
   * A client whose connections come from the loopback address {@code localAddress}, e.g. 127.0.0.2:
   * the suite's gateway trusts no proxy, so this is how a test appears as another client address.
   * It talks to the gateway at 127.0.0.1.
   */
  public static Client clientFrom(InetAddress localAddress) {
    return new Client(
        "http://127.0.0.1:" + URI.create(gatewayUrl()).getPort(),
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .localAddress(localAddress)
            .build());
  }

  /** The embedded Kafka broker of the shared suite, for tests that read its topics. */
  public static String kafkaBootstrapServers() {
    return Suite.localSuite().kafkaBootstrapServers();
  }

  /** A status, the headers and the body (parsed when it is JSON). */
  public record Answer(int status, HttpResponse<String> raw, JsonNode json) {

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String body() {
      return raw.body();
    }

    @Override
    public String toString() {
      return status + " " + raw.body();
    }
  }

  /** A registered user, its login's tokens. */
  public record Session(
      String userId,
      String username,
      String email,
      String password,
      String token,
      String refreshToken) {}

  /** One request being built: method, path, headers, body. */
  public static final class Call {
    private final Client client;
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;

    private Call(Client client, String method, String path) {
      this.client = client;
      this.method = method;
      this.path = path;
    }

    public Call token(String token) {
      return token == null ? this : header("Authorization", "Bearer " + token);
    }

    public Call header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Call json(Object value) {
      return raw(
          value instanceof String s ? s : JSON.writeValueAsString(value), "application/json");
    }

    public Call raw(String text, String contentType) {
      this.body = text;
      if (contentType != null) {
        headers.put("Content-Type", contentType);
      }
      return this;
    }

    public Answer send() {
      return client.send(this);
    }
  }

  /** Speaks HTTP to the gateway. */
  public static final class Client {
    private final String baseUrl;
    private final HttpClient http;

    private Client(String baseUrl) {
      this(baseUrl, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    private Client(String baseUrl, HttpClient http) {
      this.baseUrl = baseUrl;
      this.http = http;
    }

    public String baseUrl() {
      return baseUrl;
    }

    public Call call(String method, String path) {
      return new Call(this, method, path);
    }

    public Answer get(String path, String token) {
      return call("GET", path).token(token).send();
    }

    public Answer delete(String path, String token) {
      return call("DELETE", path).token(token).send();
    }

    public Answer post(String path, Object body, String token) {
      return call("POST", path).token(token).json(body).send();
    }

    public Answer put(String path, Object body, String token) {
      return call("PUT", path).token(token).json(body).send();
    }

    /** Registers a fresh user and logs in with its email address. */
    public Session newUser() {
      String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
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
          login.json().path("accessToken").asString(),
          login.json().path("refreshToken").asString());
    }

    /** Logs in as the admin the suite creates at start-up; answers its access token. */
    public String adminToken() {
      Answer login = login(Suite.ADMIN_EMAIL, Suite.ADMIN_PASSWORD);
      if (login.status() != 200) {
        throw new AssertionError("the suite's admin could not log in: " + login);
      }
      return login.json().path("accessToken").asString();
    }

    public Answer login(String login, String password) {
      return post("/api/auth/login", Map.of("login", login, "password", password), null);
    }

    Answer send(Call call) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(baseUrl + call.path))
              .timeout(Duration.ofSeconds(90))
              .header("Accept", "application/json");
      call.headers.forEach(request::header);
      request.method(
          call.method,
          call.body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(call.body));
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

  /** What every error answer of the suite looks like (API.md, Conventions). */
  public static void assertProblem(Answer answer, int status, String code) {
    org.assertj.core.api.Assertions.assertThat(answer.status())
        .as("status of %s", answer)
        .isEqualTo(status);
    org.assertj.core.api.Assertions.assertThat(answer.header("Content-Type"))
        .as("content type of %s", answer)
        .startsWith("application/problem+json");
    if (code != null) {
      org.assertj.core.api.Assertions.assertThat(answer.json().path("code").asString())
          .as("code of %s", answer)
          .isEqualTo(code);
    } else {
      org.assertj.core.api.Assertions.assertThat(answer.json().path("code").asString())
          .as("code of %s", answer)
          .isNotBlank();
    }
    org.assertj.core.api.Assertions.assertThat(answer.json().path("status").asInt())
        .as("status field of %s", answer)
        .isEqualTo(status);
    org.assertj.core.api.Assertions.assertThat(answer.header("X-Request-Id"))
        .as("X-Request-Id of %s", answer)
        .isNotBlank();
    org.assertj.core.api.Assertions.assertThat(answer.body()).doesNotContain("\tat ");
  }
}
