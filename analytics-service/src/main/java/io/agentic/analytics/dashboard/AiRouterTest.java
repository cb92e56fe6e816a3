package io.agentic.analytics.dashboard;

import io.agentic.analytics.AnalyticsProperties;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.web.RequestIds;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/dashboard/test-ai}: asks the AI router to call each configured provider once
 * ({@code POST /api/ai/test}) on the caller's behalf (their token, so the router applies its own
 * admin check) and answers with whatever it answered. An unreachable router is a 503.
 */
@Component
class AiRouterTest {

  static final String PATH = "/api/ai/test";

  private final AnalyticsProperties properties;
  private final HttpClient client;

  AiRouterTest(AnalyticsProperties properties) {
    this.properties = properties;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(properties.healthTimeout().multipliedBy(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  ResponseEntity<byte[]> run(String authorization, String requestId) {
    URI router = properties.serviceUrl("ai-router");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stripSlash(router.toString()) + PATH))
            .timeout(properties.aiTestTimeout())
            .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
            .POST(HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header(HttpHeaders.AUTHORIZATION, authorization);
    }
    if (requestId != null) {
      request.header(RequestIds.HEADER, requestId);
    }
    HttpResponse<byte[]> answer;
    try {
      answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw unavailable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable();
    }
    ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.statusCode());
    answer
        .headers()
        .firstValue(HttpHeaders.CONTENT_TYPE)
        .ifPresent(type -> response.header(HttpHeaders.CONTENT_TYPE, type));
    answer
        .headers()
        .firstValue(HttpHeaders.RETRY_AFTER)
        .ifPresent(retryAfter -> response.header(HttpHeaders.RETRY_AFTER, retryAfter));
    return response.body(answer.body());
  }

  private static ApiException unavailable() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, "5");
    return new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "AI_ROUTER_UNAVAILABLE",
        "The AI router did not answer; try again shortly",
        List.of(),
        headers);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @PreDestroy
  void close() {
    client.close();
  }
}
