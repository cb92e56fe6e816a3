package io.agentic.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class PresentedApiKeyTest {

  static final String KEY = "agk_AbCdEf123456_" + "x".repeat(43);

  @Test
  void findsTheKeyHeaderOnAnyRoute() {
    var request =
        MockServerHttpRequest.get("/api/workflows").header("X-API-Key", " " + KEY).build();

    assertThat(PresentedApiKey.in(request)).hasValue(KEY);
  }

  @Test
  void findsAKeyAsTheBearerOnlyOnTheOpenAiDoor() {
    var v1 =
        MockServerHttpRequest.post("/v1/chat/completions")
            .header("Authorization", "bearer " + KEY)
            .build();
    var api =
        MockServerHttpRequest.get("/api/workflows")
            .header("Authorization", "Bearer " + KEY)
            .build();
    var jwt =
        MockServerHttpRequest.post("/v1/chat/completions")
            .header("Authorization", "Bearer eyJ.x.y")
            .build();

    assertThat(PresentedApiKey.in(v1)).hasValue(KEY);
    assertThat(PresentedApiKey.in(api)).isEmpty();
    assertThat(PresentedApiKey.in(jwt)).isEmpty();
  }

  @Test
  void judgesTheShapeBeforeAnyoneIsAsked() {
    assertThat(PresentedApiKey.isWellFormed(KEY)).isTrue();
    assertThat(PresentedApiKey.isWellFormed("agk_a_" + "b".repeat(15))).isFalse();
    assertThat(PresentedApiKey.isWellFormed(KEY + "\u0000")).isFalse();
    assertThat(PresentedApiKey.isWellFormed("agk_" + "a".repeat(100) + "_" + "b".repeat(100)))
        .isFalse();
  }

  @Test
  void reusesATokenForAtMostFourFifthsOfItsRemainingLife() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    ExchangedToken token = new ExchangedToken("t", "jti", "key:k", now.plusSeconds(300));

    assertThat(token.reuseFor(Duration.ofMinutes(10), now)).isEqualTo(Duration.ofSeconds(240));
    assertThat(token.reuseFor(Duration.ofMinutes(1), now)).isEqualTo(Duration.ofMinutes(1));
    assertThat(token.reuseFor(Duration.ofMinutes(1), now.plusSeconds(301))).isZero();
  }
}
