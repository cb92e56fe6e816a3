package io.agentic.airouter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A provider on loopback, speaking whatever the test scripts: each request takes the next queued
 * reply, or the standing one (which may depend on the request). A {@link #hang()} reply blocks
 * until the server is closed, so tests exercise timeouts without sleeping. Every request is
 * recorded.
 */
public final class FakeProvider implements AutoCloseable {

  private final HttpServer server;
  private final CountDownLatch released = new CountDownLatch(1);
  private final ConcurrentLinkedQueue<Reply> queued = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Function<Request, Reply> standing = request -> json(404, "{}");

  private FakeProvider() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public static FakeProvider start() {
    try {
      return new FakeProvider();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Replies for the next requests, in order. */
  public FakeProvider then(Reply... replies) {
    queued.addAll(List.of(replies));
    return this;
  }

  /** The reply once the queued ones are used up. */
  public FakeProvider always(Reply reply) {
    standing = request -> reply;
    return this;
  }

  /** Once the queued replies are used up, each request's reply is chosen by {@code replies}. */
  public FakeProvider always(Function<Request, Reply> replies) {
    standing = replies;
    return this;
  }

  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  public int count() {
    return requests.size();
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
    Request request =
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            exchange.getRequestURI().getRawQuery(),
            headers,
            new String(body, StandardCharsets.UTF_8),
            System.nanoTime());
    requests.add(request);
    Reply reply = queued.poll();
    reply = reply == null ? standing.apply(request) : reply;
    try (exchange) {
      if (reply.hang()) {
        try {
          released.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  /** What the fake received. Header names are lower-case. */
  public record Request(
      String method,
      String path,
      String query,
      Map<String, String> headers,
      String body,
      long receivedNanos) {

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** A scripted reply. */
  public record Reply(int status, Map<String, String> headers, String body, boolean hang) {}

  public static Reply json(int status, String body) {
    return new Reply(status, Map.of("Content-Type", "application/json"), body, false);
  }

  public static Reply json(int status, String body, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", "application/json");
    return new Reply(status, all, body, false);
  }

  public static Reply text(int status, String contentType, String body) {
    return new Reply(status, Map.of("Content-Type", contentType), body, false);
  }

  public static Reply events(String... data) {
    StringBuilder body = new StringBuilder();
    for (String d : data) {
      body.append("data: ").append(d).append("\n\n");
    }
    return text(200, "text/event-stream", body.toString());
  }

  public static Reply hang() {
    return new Reply(0, Map.of(), "", true);
  }

  /** An OpenAI chat completion answering {@code text}. */
  public static Reply openAiAnswer(String text, int promptTokens, int completionTokens) {
    return openAiAnswer(text, promptTokens, completionTokens, "stop");
  }

  /** An OpenAI chat completion answering {@code text}, ended for {@code finishReason}. */
  public static Reply openAiAnswer(
      String text, int promptTokens, int completionTokens, String finishReason) {
    return json(
        200,
        """
        {"id":"chatcmpl-1","object":"chat.completion","model":"m","choices":[{"index":0,\
        "message":{"role":"assistant","content":%s},"finish_reason":%s}],\
        "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
            .formatted(
                quote(text),
                quote(finishReason),
                promptTokens,
                completionTokens,
                promptTokens + completionTokens));
  }

  /** A Gemini generateContent response answering {@code text}. */
  public static Reply geminiAnswer(String text, int promptTokens, int candidateTokens) {
    return geminiAnswer(text, promptTokens, candidateTokens, "STOP");
  }

  /** A Gemini generateContent response answering {@code text}, ended for {@code finishReason}. */
  public static Reply geminiAnswer(
      String text, int promptTokens, int candidateTokens, String finishReason) {
    return json(
        200,
        """
        {"candidates":[{"content":{"parts":[{"text":%s}],"role":"model"},"finishReason":%s,\
        "index":0}],"usageMetadata":{"promptTokenCount":%d,"candidatesTokenCount":%d,\
        "totalTokenCount":%d},"modelVersion":"gemini-2.5-flash"}"""
            .formatted(
                quote(text),
                quote(finishReason),
                promptTokens,
                candidateTokens,
                promptTokens + candidateTokens));
  }

  public static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
