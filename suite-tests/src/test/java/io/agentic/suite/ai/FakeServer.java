package io.agentic.suite.ai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A JDK HTTP server on 127.0.0.1 that records every request and answers through a handler: the fake
 * AI providers and the outside web of {@link AiSuite}.
 */
public final class FakeServer implements AutoCloseable {

  /** One request as the server saw it; header names are lower-case. */
  public record Request(String method, String path, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** What to answer. */
  public record Reply(int status, String contentType, String body, Map<String, String> headers) {
    static Reply json(int status, String body) {
      return new Reply(status, "application/json", body, Map.of());
    }
  }

  interface Handler {
    Reply answer(Request request);
  }

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Request> seen = new ConcurrentLinkedQueue<>();

  private FakeServer(HttpServer server) {
    this.server = server;
  }

  static FakeServer start(Handler handler) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
      FakeServer fake = new FakeServer(server);
      server.createContext("/", exchange -> fake.answer(exchange, handler));
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return fake;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String hostAndPort() {
    return "127.0.0.1:" + port();
  }

  public String url(String path) {
    return "http://" + hostAndPort() + path;
  }

  public List<Request> requests() {
    return List.copyOf(seen);
  }

  public List<Request> requestsTo(String pathPrefix) {
    return seen.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
  }

  /** Requests whose body contains the text (a run's marker). */
  public List<Request> requestsMentioning(String text) {
    return seen.stream().filter(r -> r.body().contains(text) || r.path().contains(text)).toList();
  }

  private void answer(HttpExchange exchange, Handler handler) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> headers =
          exchange.getRequestHeaders().entrySet().stream()
              .collect(
                  Collectors.toMap(
                      e -> e.getKey().toLowerCase(Locale.ROOT),
                      e -> String.join(",", e.getValue())));
      Request request =
          new Request(
              exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body);
      seen.add(request);
      Reply reply;
      try {
        reply = handler.answer(request);
      } catch (RuntimeException e) {
        reply =
            Reply.json(500, "{\"error\":\"fake failed: " + e.getClass().getSimpleName() + "\"}");
      }
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
      reply.headers().forEach(exchange.getResponseHeaders()::set);
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
