package io.agentic.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for one of the suite's services: records every request it fully received (by path) and
 * answers {@code {"service": name, "path": …, "bodyBytes": n}}, unless a responder is set for a
 * path prefix.
 */
public final class FakeService implements AutoCloseable {

  /** What reached the service: header names lower-case. */
  public record Received(
      String method,
      String path,
      String rawQuery,
      Map<String, List<String>> headers,
      int bodyBytes,
      String body) {

    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    public boolean hasHeader(String name) {
      return headers.containsKey(name.toLowerCase(Locale.ROOT));
    }
  }

  @FunctionalInterface
  public interface Responder {
    void respond(HttpExchange exchange, Received received) throws IOException;
  }

  private final String name;
  private final HttpServer server;
  private final Map<String, Received> received = new ConcurrentHashMap<>();
  private final Map<String, Responder> responders = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  private FakeService(String name) {
    this.name = name;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public static FakeService start(String name) {
    return new FakeService(name);
  }

  public String name() {
    return name;
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public FakeService on(String pathPrefix, Responder responder) {
    responders.put(pathPrefix, responder);
    return this;
  }

  public Optional<Received> received(String path) {
    return Optional.ofNullable(received.get(path));
  }

  /** How many requests reached {@code path} (their bodies fully received or not). */
  public int count(String path) {
    return counts.getOrDefault(path, new AtomicInteger()).get();
  }

  public int requestCount() {
    return requests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    counts
        .computeIfAbsent(exchange.getRequestURI().getRawPath(), p -> new AtomicInteger())
        .incrementAndGet();
    try (exchange) {
      // A body cut off on the way (the gateway's cap) fails here: nothing is recorded.
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
      URI uri = exchange.getRequestURI();
      Received request =
          new Received(
              exchange.getRequestMethod(),
              uri.getRawPath(),
              uri.getRawQuery(),
              headers,
              body.length,
              new String(body, StandardCharsets.UTF_8));
      received.put(uri.getRawPath(), request);
      Optional<Responder> responder =
          responders.entrySet().stream()
              .filter(e -> uri.getRawPath().startsWith(e.getKey()))
              .map(Map.Entry::getValue)
              .findFirst();
      if (responder.isPresent()) {
        responder.get().respond(exchange, request);
      } else {
        json(
            exchange,
            200,
            "{\"service\":\""
                + name
                + "\",\"method\":\""
                + request.method()
                + "\",\"path\":\""
                + request.path()
                + "\",\"bodyBytes\":"
                + body.length
                + "}");
      }
    }
  }

  public static void json(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
