package io.agentic.execution.nodes.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.agentic.platform.kafka.ContractJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A target on 127.0.0.1 with canned routes; records what it receives. */
final class TestServer implements AutoCloseable {

  /** One request as received. Header names are as the JDK server canonicalizes them. */
  record Received(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> String.join(", ", e.getValue()))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  TestServer() throws IOException {
    this(InetAddress.getLoopbackAddress());
  }

  TestServer(InetAddress bindTo) throws IOException {
    server = HttpServer.create(new InetSocketAddress(bindTo, 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url(String pathAndQuery) {
    String host = server.getAddress().getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + pathAndQuery;
  }

  /** The next request this server received, waiting up to 5 s for it. */
  Received nextRequest() throws InterruptedException {
    Received r = received.poll(5, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("the server received no request");
    }
    return r;
  }

  int receivedCount() {
    return received.size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      URI uri = exchange.getRequestURI();
      received.add(
          new Received(
              exchange.getRequestMethod(),
              uri.getPath(),
              Map.copyOf(exchange.getRequestHeaders()),
              body));
      route(exchange, uri, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void route(HttpExchange exchange, URI uri, String body)
      throws IOException, InterruptedException {
    String path = uri.getPath();
    Map<String, String> query = query(uri);
    switch (path) {
      case "/json" -> {
        exchange.getResponseHeaders().add("Set-Cookie", "session=abc");
        exchange.getResponseHeaders().add("X-Request-Token", "t0ken");
        exchange.getResponseHeaders().add("X-Multi", "one");
        exchange.getResponseHeaders().add("X-Multi", "two");
        send(
            exchange,
            200,
            "application/json; charset=utf-8",
            """
            {"hello":"world","count":2,
             "nested":{"accessToken":"abc","items":[{"password":"p","ok":true}]}}""");
      }
      case "/text" -> send(exchange, 200, "text/plain; charset=utf-8", "plain text");
      case "/echo" -> {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("method", exchange.getRequestMethod());
        echo.put("body", body);
        send(exchange, 200, "application/json", ContractJson.mapper().writeValueAsString(echo));
      }
      case "/slow" -> {
        release.await(); // released in close(): the request outlives the node's timeout
        send(exchange, 200, "text/plain", "late");
      }
      case "/slow-body" -> {
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().write("partial".getBytes(StandardCharsets.UTF_8));
        exchange.getResponseBody().flush();
        release.await();
      }
      case "/big" -> send(exchange, 200, "text/plain", "x".repeat(4096));
      case "/big-chunked" -> {
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().write("x".repeat(4096).getBytes(StandardCharsets.UTF_8));
      }
      case "/redirect" -> {
        exchange.getResponseHeaders().add("Location", query.get("to"));
        exchange.sendResponseHeaders(Integer.parseInt(query.getOrDefault("code", "302")), -1);
      }
      default -> {
        if (path.startsWith("/status/")) {
          send(exchange, Integer.parseInt(path.substring(8)), "text/plain", "status body");
        } else if (path.startsWith("/chain/")) {
          int left = Integer.parseInt(path.substring(7));
          if (left == 0) {
            send(exchange, 200, "text/plain", "end of chain");
          } else {
            exchange.getResponseHeaders().add("Location", "/chain/" + (left - 1));
            exchange.sendResponseHeaders(302, -1);
          }
        } else {
          send(exchange, 404, "text/plain", "no route");
        }
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new LinkedHashMap<>();
    if (uri.getRawQuery() == null) {
      return query;
    }
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      query.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return query;
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
