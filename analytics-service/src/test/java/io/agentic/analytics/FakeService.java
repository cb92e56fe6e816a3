package io.agentic.analytics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Another service of the suite, as far as analytics-service talks to it: answers each path with a
 * canned JSON body and remembers the {@code Authorization} and {@code traceparent} headers it
 * received.
 */
public final class FakeService implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  public final List<String> authorizations = new CopyOnWriteArrayList<>();
  public final List<String> traceparents = new CopyOnWriteArrayList<>();

  private record Answer(int status, String json) {}

  private FakeService(HttpServer server) {
    this.server = server;
  }

  public static FakeService start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      FakeService fake = new FakeService(server);
      server.createContext("/", fake::handle);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return fake;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public FakeService answer(String path, int status, String json) {
    answers.put(path, new Answer(status, json));
    return this;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (auth != null) {
      authorizations.add(auth);
    }
    String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
    if (traceparent != null) {
      traceparents.add(traceparent);
    }
    Answer answer = answers.getOrDefault(exchange.getRequestURI().getPath(), new Answer(404, "{}"));
    byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
