package io.agentic.analytics.health;

import io.agentic.platform.kafka.ContractJson;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Asks one service's {@code /actuator/health}, as an operator's probe would: an answer with a
 * {@code status} counts (actuator answers 503 for {@code DOWN}), anything else is {@code DOWN}.
 */
final class ServiceProbe {

  /** The service's status and, when it shows details, its components' statuses by name. */
  record Answer(String status, Map<String, String> components, long latencyMs) {}

  private final RestClient client;
  private final Executor executor;

  /**
   * @param client carries the timeouts; each probe blocks one of {@code executor}'s threads
   */
  ServiceProbe(RestClient client, Executor executor) {
    this.client = client;
    this.executor = executor;
  }

  CompletableFuture<Answer> probe(URI baseUrl) {
    long started = System.nanoTime();
    return CompletableFuture.supplyAsync(() -> ask(baseUrl, started), executor);
  }

  private Answer ask(URI baseUrl, long started) {
    try {
      String body =
          client
              .get()
              .uri(healthOf(baseUrl))
              .accept(MediaType.APPLICATION_JSON)
              .retrieve()
              // DOWN is answered 503 with its status in the body: read it like any other
              .onStatus(HttpStatusCode::isError, (request, response) -> {})
              .body(String.class);
      return read(body, millisSince(started));
    } catch (RuntimeException e) {
      return new Answer(HealthReport.DOWN, Map.of(), millisSince(started));
    }
  }

  private static Answer read(String body, long latencyMs) {
    if (body == null) {
      return new Answer(HealthReport.DOWN, Map.of(), latencyMs);
    }
    try {
      JsonNode health = ContractJson.mapper().readTree(body);
      String status =
          Optional.ofNullable(health.get("status"))
              .map(JsonNode::asString)
              .orElse(HealthReport.DOWN);
      Map<String, String> components = new java.util.LinkedHashMap<>();
      JsonNode parts = health.get("components");
      if (parts != null && parts.isObject()) {
        for (Map.Entry<String, JsonNode> part : parts.properties()) {
          JsonNode partStatus = part.getValue().get("status");
          if (partStatus != null) {
            components.put(part.getKey(), partStatus.asString());
          }
        }
      }
      return new Answer(status, components, latencyMs);
    } catch (RuntimeException e) {
      return new Answer(HealthReport.DOWN, Map.of(), latencyMs);
    }
  }

  private static URI healthOf(URI baseUrl) {
    String base = baseUrl.toString();
    return URI.create(
        (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/actuator/health");
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
