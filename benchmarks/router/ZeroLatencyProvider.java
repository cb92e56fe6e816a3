/*
 * A zero-latency OpenAI-compatible provider for benchmarks: every POST (e.g. /v1/chat/completions)
 * gets the same small chat.completion at once; GET answers 200 "ok" (readiness). One file, JDK only:
 *
 *   java benchmarks/router/ZeroLatencyProvider.java [port]      (default 18090)
 *
 * Requests are handled on virtual threads; the request body is read and dropped. Prints
 * "ZeroLatencyProvider ready on <port>" once listening.
 */
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

public class ZeroLatencyProvider {

  private static final byte[] COMPLETION =
      ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1700000000,"
              + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
              + "\"assistant\",\"content\":\"Hi!\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
              + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}}")
          .getBytes(StandardCharsets.UTF_8);

  private static final byte[] OK = "ok".getBytes(StandardCharsets.UTF_8);

  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18090;
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", ZeroLatencyProvider::answer);
    server.start();
    System.out.println("ZeroLatencyProvider ready on " + port);
  }

  private static void answer(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      in.transferTo(OutputStream.nullOutputStream());
      boolean post = "POST".equals(exchange.getRequestMethod());
      byte[] body = post ? COMPLETION : OK;
      exchange
          .getResponseHeaders()
          .set("Content-Type", post ? "application/json" : "text/plain");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
