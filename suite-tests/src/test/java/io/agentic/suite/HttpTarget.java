package io.agentic.suite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An HTTP server on 127.0.0.1 that HTTP_REQUEST nodes call: it records every request and answers
 * 200 with JSON echoing what it received, so a workflow can pick values out of the response.
 * Requests under {@code /slow/} answer after 150 ms, those under {@code /hold/} only once released
 * (see {@link #hold()}). Failures on demand: under {@code /status/<code>/} the answer has that
 * status; under {@code /flaky/<n>/} the first {@code n} requests to each path answer 503, the later
 * ones 200. Public (as {@link SuiteAccess#allowedTarget()}) for the tests in sub-packages.
 */
public final class HttpTarget implements AutoCloseable {

  private static final Pattern STATUS = Pattern.compile("^/status/(\\d{3})/.*");
  private static final Pattern FLAKY = Pattern.compile("^/flaky/(\\d+)/.*");

  /** One request as the target saw it; header names are lower-case. */
  public record Request(String method, String path, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Request> seen = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicInteger> flakyCalls = new ConcurrentHashMap<>();

  /** Requests under {@code /hold/} wait on it (crash tests kill a worker in mid-call). */
  private volatile CountDownLatch gate = new CountDownLatch(0);

  private HttpTarget(HttpServer server) {
    this.server = server;
  }

  static HttpTarget start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
      HttpTarget target = new HttpTarget(server);
      server.createContext("/", target::answer);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** {@code host:port} as an allow-list entry names it. */
  String hostAndPort() {
    return "127.0.0.1:" + port();
  }

  public String url(String path) {
    return "http://" + hostAndPort() + path;
  }

  List<Request> requests() {
    return List.copyOf(seen);
  }

  public List<Request> requestsTo(String pathPrefix) {
    return seen.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers =
        exchange.getRequestHeaders().entrySet().stream()
            .collect(
                Collectors.toMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT), e -> String.join(",", e.getValue())));
    Request request =
        new Request(
            exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body);
    seen.add(request);
    if (request.path().startsWith("/hold/")) {
      awaitGate();
    } else if (request.path().startsWith("/slow/")) {
      pause(Duration.ofMillis(150));
    }

    ObjectNode answer = JSON.createObjectNode();
    answer.put("method", request.method());
    answer.put("path", request.path());
    answer.set("received", parsed(body));
    answer.put("answer", "pong");
    byte[] bytes = JSON.writeValueAsBytes(answer);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status(request.path()), bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** 200, unless the path asks for a failure (see the class comment). */
  private int status(String path) {
    Matcher status = STATUS.matcher(path);
    if (status.matches()) {
      return Integer.parseInt(status.group(1));
    }
    Matcher flaky = FLAKY.matcher(path);
    if (flaky.matches()) {
      int failures = Integer.parseInt(flaky.group(1));
      String key = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
      int call = flakyCalls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      return call <= failures ? 503 : 200;
    }
    return 200;
  }

  private static JsonNode parsed(String body) {
    if (body.isBlank()) {
      return JSON.nullNode();
    }
    try {
      return JSON.readTree(body);
    } catch (RuntimeException notJson) {
      return JSON.getNodeFactory().stringNode(body);
    }
  }

  /** From now on, requests under {@code /hold/} wait until {@link #release()}. */
  void hold() {
    gate = new CountDownLatch(1);
  }

  /** Lets every held request (and those to come) answer. */
  void release() {
    gate.countDown();
  }

  private void awaitGate() {
    try {
      gate.await(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
