package io.agentic.execution.support;

import io.agentic.platform.kafka.ContractJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads a {@code text/event-stream} as a browser's EventSource would, on a thread of its own: the
 * events and comments so far, and whether the server has ended the stream.
 */
public final class SseClient implements AutoCloseable {

  /** One event: {@code id}, {@code event} and {@code data} as sent. */
  public record Event(String id, String name, String data) {

    public long sequence() {
      return Long.parseLong(id);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
      return ContractJson.mapper().readValue(data, Map.class);
    }
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final HttpResponse<InputStream> response;
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final List<String> comments = new CopyOnWriteArrayList<>();
  private final String errorBody;
  private volatile boolean ended;

  private SseClient(HttpResponse<InputStream> response) throws IOException {
    this.response = response;
    if (response.statusCode() != 200) {
      try (InputStream in = response.body()) {
        errorBody = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      ended = true;
      return;
    }
    errorBody = null;
    Thread.ofVirtual().name("sse-client").start(this::read);
  }

  /**
   * @param headers name, value, name, value...
   */
  public static SseClient open(int port, String path, String bearer, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "text/event-stream");
    if (bearer != null) {
      request.header("Authorization", bearer);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return new SseClient(
          HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int status() {
    return response.statusCode();
  }

  public String header(String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  /** The problem the server answered with instead of a stream. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> problem() {
    return errorBody == null || errorBody.isBlank()
        ? Map.of()
        : ContractJson.mapper().readValue(errorBody, Map.class);
  }

  public List<Event> events() {
    return List.copyOf(events);
  }

  public List<String> types() {
    return events.stream().map(Event::name).toList();
  }

  public List<String> comments() {
    return List.copyOf(comments);
  }

  /** True once the server has closed the stream. */
  public boolean ended() {
    return ended;
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String id = null;
      String name = null;
      StringBuilder data = null;
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isEmpty()) {
          if (data != null) {
            events.add(new Event(id, name, data.toString()));
          }
          id = null;
          name = null;
          data = null;
        } else if (line.startsWith(":")) {
          comments.add(line.substring(1).strip());
        } else {
          int colon = line.indexOf(':');
          String field = colon < 0 ? line : line.substring(0, colon);
          String value = colon < 0 ? "" : line.substring(colon + 1);
          if (value.startsWith(" ")) {
            value = value.substring(1);
          }
          switch (field) {
            case "id" -> id = value;
            case "event" -> name = value;
            case "data" ->
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            default -> {}
          }
        }
      }
    } catch (IOException e) {
      // closed by the test, or the connection broke: either way the stream is over
    } finally {
      ended = true;
    }
  }

  @Override
  public void close() {
    try {
      response.body().close();
    } catch (IOException e) {
      // already closed
    }
  }
}
