package io.agentic.workflow.publish;

import io.agentic.platform.problem.ApiException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Kafka did not acknowledge in time. The change is saved; the relay publishes it within seconds,
 * and until then executions may not see it, which is why the request answers 503.
 */
public class PublishFailedException extends ApiException {

  public PublishFailedException() {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "PUBLISH_DELAYED",
        "The change was saved but could not be announced to executions yet; it will be shortly",
        List.of(),
        retryAfter());
  }

  private static HttpHeaders retryAfter() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, "5");
    return headers;
  }
}
