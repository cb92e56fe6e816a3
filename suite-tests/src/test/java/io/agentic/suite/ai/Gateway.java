package io.agentic.suite.ai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Speaks JSON (and server-sent events) to the gateway of {@link AiSuite} over HTTP, as a client of
 * the suite does. Public so that the tests of {@code io.agentic.suite.nodes} can use it too.
 */
public final class Gateway {

  public static final JsonMapper JSON = JsonMapper.builder().build();

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

  /** A registered user, the tokens it logged in with. */
  public record Session(
      String userId, String username, String password, String token, String refreshToken) {}

  /** One server-sent event as read off the wire. */
  public record Event(String id, String type, JsonNode data) {}

  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Gateway(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Answer get(String path, String token) {
    return send(request(path, token).GET());
  }

  public Answer post(String path, Object body, String token) {
    return postRaw(path, JSON.writeValueAsString(body), token);
  }

  public Answer postRaw(String path, String body, String token) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** POST with extra headers (e.g. an API key as bearer instead of a token). */
  public Answer post(String path, Object body, Map<String, String> headers) {
    HttpRequest.Builder builder =
        request(path, null)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    headers.forEach(builder::header);
    return send(builder);
  }

  /** Registers a fresh user and logs in. */
  public Session newUser() {
    String name = "user" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String password = "correct horse battery " + name;
    Answer registered =
        post(
            "/api/auth/register",
            Map.of("username", name, "email", name + "@example.com", "password", password),
            (String) null);
    if (registered.status() != 201) {
      throw new AssertionError("registering " + name + " answered " + registered);
    }
    Answer login =
        post("/api/auth/login", Map.of("login", name, "password", password), (String) null);
    if (login.status() != 200) {
      throw new AssertionError("logging in " + name + " answered " + login);
    }
    return new Session(
        login.json().path("user").path("id").asString(),
        name,
        password,
        login.json().path("accessToken").asString(),
        login.json().path("refreshToken").asString());
  }

  /** Saves a workflow and answers its id (failing when the save does not answer 201). */
  public String save(JsonNode workflow, String token) {
    Answer created = post("/api/workflows", workflow, token);
    if (created.status() != 201) {
      throw new AssertionError("saving " + workflow.path("name") + " answered " + created);
    }
    return created.json().path("id").asString();
  }

  /** Runs a workflow to its end ({@code ?wait=true}) and answers the execution. */
  public JsonNode run(String workflowId, Object inputs, String token) {
    Answer run =
        post(
            "/api/executions?wait=true&timeoutMs=60000",
            Map.of("workflowId", workflowId, "inputs", inputs),
            token);
    if (run.status() != 200) {
      throw new AssertionError("running " + workflowId + " answered " + run);
    }
    return run.json();
  }

  /** Starts a workflow without waiting and answers the execution id. */
  public String start(String workflowId, Object inputs, String token) {
    Answer run = post("/api/executions", Map.of("workflowId", workflowId, "inputs", inputs), token);
    if (run.status() != 202) {
      throw new AssertionError("starting " + workflowId + " answered " + run);
    }
    return run.json().path("id").asString();
  }

  /**
   * Opens an event stream; the caller reads it with {@link #events(Stream)} and closes it. Headers
   * come in pairs (name, value).
   */
  public HttpResponse<Stream<String>> openStream(String path, String token, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Accept", "text/event-stream")
            .GET();
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    try {
      return http.send(builder.build(), HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Reads every event until the server closes the stream. */
  public static List<Event> events(Stream<String> lines) {
    return eventsUntil(lines, event -> false);
  }

  /** Reads events until the server closes the stream or one matches {@code last} (included). */
  public static List<Event> eventsUntil(Stream<String> lines, Predicate<Event> last) {
    List<Event> events = new ArrayList<>();
    String id = null;
    String type = null;
    StringBuilder data = new StringBuilder();
    Iterator<String> it = lines.iterator();
    while (it.hasNext()) {
      String line = it.next();
      if (line.isEmpty()) {
        if (!data.isEmpty() || type != null) {
          Event event = new Event(id, type, JSON.readTree(data.isEmpty() ? "{}" : data.toString()));
          events.add(event);
          if (last.test(event)) {
            return events;
          }
        }
        id = null;
        type = null;
        data.setLength(0);
      } else if (line.startsWith("id:")) {
        id = line.substring(3).trim();
      } else if (line.startsWith("event:")) {
        type = line.substring(6).trim();
      } else if (line.startsWith("data:")) {
        data.append(line.substring(5).trim());
      }
    }
    return events;
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
