package io.agentic.airouter.router;

import static io.agentic.airouter.FakeProvider.geminiAnswer;
import static io.agentic.airouter.FakeProvider.openAiAnswer;
import static io.agentic.airouter.TestConfig.chat;
import static io.agentic.airouter.router.RouterFixture.failure;
import static io.agentic.airouter.router.RouterFixture.output;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.airouter.FakeProvider;
import io.agentic.airouter.TestConfig;
import io.agentic.airouter.quota.ProviderQuotas;
import io.agentic.airouter.routing.RouteTarget;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuotaAndBudgetTest {

  final FakeProvider geminiServer = FakeProvider.start();
  final FakeProvider groqServer = FakeProvider.start();
  final String gemini = TestConfig.unique("gemini");
  final String groq = TestConfig.unique("groq");
  RouterFixture fixture;

  @AfterEach
  void stop() {
    fixture.close();
    geminiServer.close();
    groqServer.close();
  }

  TestConfig config(long geminiDailyRequests) {
    return TestConfig.create()
        .provider(
            gemini,
            "gemini",
            geminiServer.baseUrl(),
            "g",
            geminiDailyRequests,
            chat("gemini-2.5-flash", 0, 0))
        .provider(groq, "openai", groqServer.baseUrl(), "q", chat("llama-3.1-8b-instant", 0, 0))
        .route(
            "general",
            new RouteTarget(gemini, "gemini-2.5-flash"),
            new RouteTarget(groq, "llama-3.1-8b-instant"));
  }

  @Test
  void aProviderOverItsDailyQuotaIsSkipped() {
    geminiServer.always(geminiAnswer("gemini", 10, 5));
    groqServer.always(openAiAnswer("groq", 1, 1));
    fixture = new RouterFixture(config(1).build());

    AiOutput first = output(fixture.answer(Map.of("prompt", "1")));
    AiOutput second = output(fixture.answer(Map.of("prompt", "2")));

    assertThat(first.provider()).isEqualTo(gemini);
    assertThat(second.provider()).isEqualTo(groq);
    assertThat(second.fallbackFrom()).isEmpty();
    assertThat(geminiServer.count()).isEqualTo(1);
    assertThat(fixture.quotas.usage(gemini)).isEqualTo(new ProviderQuotas.Usage(1, 15));
    String key = "ai-router:quota:" + gemini + ":" + LocalDate.now(ZoneOffset.UTC);
    assertThat(RouterFixture.redis().opsForHash().get(key, "requests")).isEqualTo("1");
    assertThat(RouterFixture.redis().getExpire(key)).isBetween(86_400L, 172_800L);
    assertThat(fixture.providerCalls(gemini, "success")).isEqualTo(1);
    assertThat(fixture.providerCalls(gemini, "rejected")).isEqualTo(1);
  }

  @Test
  void whenEveryProviderIsOverQuotaTheStepFailsWithoutCalls() {
    groqServer.always(FakeProvider.json(500, "{}"));
    fixture = new RouterFixture(config(1).build());
    fixture.quotas.record(gemini, 1, 0);

    AiOutcome.Failed failed = failure(fixture.answer(Map.of("prompt", "1")));

    assertThat(failed.message())
        .isEqualTo(
            "No AI provider could answer: "
                + gemini
                + ": daily quota used up; "
                + groq
                + ": 500 server error");
    assertThat(failed.quotaExhausted()).isFalse();
    assertThat(geminiServer.count()).isZero();
  }

  @Test
  void aFailureCausedOnlyByQuotasSaysSo() {
    fixture =
        new RouterFixture(
            TestConfig.create()
                .provider(
                    gemini,
                    "gemini",
                    geminiServer.baseUrl(),
                    "g",
                    1,
                    chat("gemini-2.5-flash", 0, 0))
                .provider(
                    groq,
                    "openai",
                    groqServer.baseUrl(),
                    "q",
                    1,
                    chat("llama-3.1-8b-instant", 0, 0))
                .route(
                    "general",
                    new RouteTarget(gemini, "gemini-2.5-flash"),
                    new RouteTarget(groq, "llama-3.1-8b-instant"))
                .build());
    fixture.quotas.record(gemini, 1, 0);
    fixture.quotas.record(groq, 1, 0);

    AiOutcome.Failed failed = failure(fixture.answer(Map.of("prompt", "1")));

    assertThat(failed.code()).isEqualTo(AiRouter.PROVIDERS_FAILED);
    assertThat(failed.quotaExhausted()).isTrue();
    assertThat(geminiServer.count() + groqServer.count()).isZero();
  }

  @Test
  void aUserOverBudgetIsRefusedBeforeAnyCall() {
    geminiServer.always(geminiAnswer("answer", 10, 10));
    fixture = new RouterFixture(config(0).userDailyTokenBudget(15).build());
    String user = "user-" + UUID.randomUUID();

    AiOutput first = output(fixture.answer(Map.of("prompt", "1"), user, Duration.ofSeconds(5)));
    AiOutcome.Failed second =
        failure(fixture.answer(Map.of("prompt", "2"), user, Duration.ofSeconds(5)));
    AiOutput otherUser = output(fixture.answer(Map.of("prompt", "3")));

    assertThat(first.usage().totalTokens()).isEqualTo(20);
    assertThat(second.code()).isEqualTo("BUDGET_EXCEEDED");
    assertThat(second.retryable()).isFalse();
    assertThat(second.spend().aiCalls()).isZero();
    assertThat(otherUser.provider()).isEqualTo(gemini);
    assertThat(geminiServer.count()).isEqualTo(2);
    String key = "ai-router:budget:" + user + ":" + LocalDate.now(ZoneOffset.UTC);
    assertThat(RouterFixture.redis().opsForValue().get(key)).isEqualTo("20");
  }
}
