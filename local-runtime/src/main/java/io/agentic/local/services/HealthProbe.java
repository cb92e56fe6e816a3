package io.agentic.local.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Asks a service's {@code /actuator/health} until it answers 200, the way an operator would. */
final class HealthProbe {

  private static final Duration POLL = Duration.ofMillis(100);

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * Waits for the service to be healthy, or until waiting no longer matters.
   *
   * @param abandoned true once the start as a whole has failed (another service, a shutdown)
   * @throws ServiceFailedException naming the last answer if the deadline passes first
   */
  void awaitHealthy(
      AgenticService service, String baseUrl, Instant deadline, BooleanSupplier abandoned)
      throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
            .timeout(Duration.ofSeconds(2))
            .GET()
            .build();
    String last = "no answer";
    while (!abandoned.getAsBoolean()) {
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        last = "HTTP " + response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new ServiceFailedException(
            service,
            "is not healthy at " + baseUrl + "/actuator/health (last answer: " + last + ")",
            null);
      }
      Thread.sleep(POLL);
    }
  }
}
