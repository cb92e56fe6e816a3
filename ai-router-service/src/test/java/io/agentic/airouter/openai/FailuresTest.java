package io.agentic.airouter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.airouter.MutableClock;
import io.agentic.airouter.router.AiOutcome.Failed;
import io.agentic.airouter.router.AiOutcome.Spend;
import io.agentic.airouter.router.AiRouter;
import io.agentic.platform.problem.ApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class FailuresTest {

  final Failures failures = new Failures(new MutableClock(Instant.parse("2026-03-01T23:00:00.5Z")));

  static Failed failed(String code, boolean quotaExhausted) {
    return new Failed(code, "why", true, Spend.NONE, quotaExhausted, false);
  }

  @Test
  void aSpentBudgetWaitsUntilMidnightUtc() {
    ApiException e = failures.problem(failed(AiRouter.BUDGET_EXCEEDED, false));

    assertThat(e.status().value()).isEqualTo(429);
    assertThat(e.code()).isEqualTo("BUDGET_EXCEEDED");
    assertThat(e.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3600");
  }

  @Test
  void providersOverTheirQuotaAreTooManyRequestsNotABadGateway() {
    ApiException e = failures.problem(failed(AiRouter.PROVIDERS_FAILED, true));

    assertThat(e.status().value()).isEqualTo(429);
    assertThat(e.code()).isEqualTo("QUOTA_EXCEEDED");
    assertThat(e.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3600");
    assertThat(e.getMessage()).endsWith("why");
  }

  @Test
  void providersThatFailedAreABadGateway() {
    ApiException e = failures.problem(failed(AiRouter.PROVIDERS_FAILED, false));

    assertThat(e.status().value()).isEqualTo(502);
    assertThat(e.code()).isEqualTo("AI_PROVIDERS_FAILED");
    assertThat(e.getMessage()).isEqualTo("why");
  }

  @Test
  void aModelThatMayNotBeUsedIsNotFound() {
    ApiException e = failures.problem(failed(AiRouter.MODEL_NOT_ALLOWED, false));

    assertThat(e.status().value()).isEqualTo(404);
    assertThat(e.code()).isEqualTo("MODEL_NOT_FOUND");
  }

  @Test
  void quotasThatCannotBeCheckedAreUnavailableForAMoment() {
    ApiException e = failures.problem(failed(AiRouter.QUOTA_UNAVAILABLE, false));

    assertThat(e.status().value()).isEqualTo(503);
    assertThat(e.code()).isEqualTo("QUOTA_UNAVAILABLE");
    assertThat(e.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
  }
}
