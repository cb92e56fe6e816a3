package io.agentic.execution.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * workflow-service as execution-service asks it for workflows its read model has not seen: {@code
 * GET /api/workflows/{id}} and {@code /versions/{n}} answer the JSON registered here, else 404.
 */
public final class FakeWorkflowService {

  private static final Map<String, String> BODIES = new ConcurrentHashMap<>();

  /** The Authorization header of every request, in order. */
  public static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();

  /** The W3C {@code traceparent} header of every request that had one, in order. */
  public static final List<String> TRACEPARENTS = new CopyOnWriteArrayList<>();

  private static HttpServer server;

  private FakeWorkflowService() {}

  public static synchronized String url() {
    if (server == null) {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext(
          "/api/workflows/",
          exchange -> {
            AUTHORIZATIONS.add(
                String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
            if (traceparent != null) {
              TRACEPARENTS.add(traceparent);
            }
            String body = BODIES.get(exchange.getRequestURI().getPath());
            byte[] bytes =
                (body == null ? "{\"code\":\"NOT_FOUND\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
          });
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Serves {@code json} at {@code path}, e.g. {@code /api/workflows/w1}. */
  public static void serve(String path, String json) {
    BODIES.put(path, json);
  }
}
