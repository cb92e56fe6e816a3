package io.agentic.suite.observability;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * An HTTP server on 127.0.0.1 for HTTP_REQUEST nodes: answers {@code {"answer":"pong"}} and keeps
 * the {@code traceparent} header of every request it saw. It is Gemini too, as far as
 * ai-router-service needs one ({@code POST /v1beta/models/<model>:generateContent}): it answers
 * "pong" there, with a little usage.
 */
final class EchoTarget implements AutoCloseable {

  /** One request: its path and the trace context it carried (null when none). */
  record Seen(String path, String traceparent) {}

  private static final String GEMINI_ANSWER =
      """
      {"candidates": [{"content": {"role": "model", "parts": [{"text": "pong"}]},
                       "finishReason": "STOP"}],
       "usageMetadata": {"promptTokenCount": 5, "candidatesTokenCount": 1, "totalTokenCount": 6},
       "modelVersion": "gemini-2.5-flash"}
      """;

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();

  private EchoTarget(HttpServer server) {
    this.server = server;
  }

  static EchoTarget start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
      EchoTarget target = new EchoTarget(server);
      server.createContext(
          "/",
          exchange -> {
            exchange.getRequestBody().readAllBytes();
            target.seen.add(
                new Seen(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("traceparent")));
            String answer =
                exchange.getRequestURI().getPath().endsWith(":generateContent")
                    ? GEMINI_ANSWER
                    : "{\"answer\":\"pong\"}";
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String hostAndPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  String url(String path) {
    return "http://" + hostAndPort() + path;
  }

  List<Seen> requestsTo(String path) {
    return seen.stream().filter(s -> s.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
