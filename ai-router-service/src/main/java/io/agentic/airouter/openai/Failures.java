package io.agentic.airouter.openai;

import io.agentic.airouter.router.AiOutcome.Failed;
import io.agentic.airouter.router.AiRouter;
import io.agentic.platform.problem.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The router's failures as HTTP answers: a model that may not be used is not found (404), an
 * exhausted budget or provider quota is a 429 until the next UTC day, Redis down is a 503, and
 * providers that all failed are a bad gateway (502).
 */
final class Failures {

  static final String QUOTA_EXCEEDED = "QUOTA_EXCEEDED";

  /** How soon to try again when quotas cannot be checked. */
  static final Duration QUOTA_STORE_RETRY = Duration.ofSeconds(5);

  private final Clock clock;

  Failures(Clock clock) {
    this.clock = clock;
  }

  ApiException problem(Failed failed) {
    return switch (failed.code()) {
      case AiRouter.MODEL_NOT_ALLOWED ->
          new ApiException(HttpStatus.NOT_FOUND, ModelCatalog.NOT_FOUND, failed.message());
      case AiRouter.BUDGET_EXCEEDED ->
          ApiException.tooManyRequests(
              AiRouter.BUDGET_EXCEEDED,
              "Your daily AI token budget is used up; it renews at midnight UTC",
              untilTomorrow().toSeconds());
      case AiRouter.QUOTA_UNAVAILABLE ->
          withRetryAfter(
              HttpStatus.SERVICE_UNAVAILABLE,
              AiRouter.QUOTA_UNAVAILABLE,
              "AI quotas cannot be checked right now; try again shortly",
              QUOTA_STORE_RETRY);
      case AiRouter.PROVIDERS_FAILED ->
          failed.quotaExhausted()
              ? ApiException.tooManyRequests(
                  QUOTA_EXCEEDED,
                  "Every provider for this model has used up its daily quota: " + failed.message(),
                  untilTomorrow().toSeconds())
              : new ApiException(
                  HttpStatus.BAD_GATEWAY, AiRouter.PROVIDERS_FAILED, failed.message());
      default -> new ApiException(HttpStatus.BAD_REQUEST, failed.code(), failed.message());
    };
  }

  /** Daily quotas and budgets start again at midnight UTC; rounded up to a whole second. */
  private Duration untilTomorrow() {
    Instant now = clock.instant();
    Instant midnight =
        LocalDate.ofInstant(now, ZoneOffset.UTC)
            .plusDays(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    Duration left = Duration.between(now, midnight);
    return left.getNano() == 0 ? left : Duration.ofSeconds(left.toSeconds() + 1);
  }

  private static ApiException withRetryAfter(
      HttpStatus status, String code, String detail, Duration wait) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
    return new ApiException(status, code, detail, List.of(), headers);
  }
}
