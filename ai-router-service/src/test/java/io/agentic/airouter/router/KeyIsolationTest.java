package io.agentic.airouter.router;

import static io.agentic.airouter.FakeProvider.geminiAnswer;
import static io.agentic.airouter.FakeProvider.json;
import static io.agentic.airouter.TestConfig.chat;
import static io.agentic.airouter.router.RouterFixture.output;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.airouter.FakeProvider;
import io.agentic.airouter.TestConfig;
import io.agentic.airouter.routing.RouteTarget;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A key reaches only its own provider's configured URL, whatever a node's data says. */
class KeyIsolationTest {

  static final String KEY_A = "sk-a-canary-111";
  static final String KEY_B = "AIza-b-canary-222";

  final FakeProvider serverA = FakeProvider.start();
  final FakeProvider serverB = FakeProvider.start();
  final FakeProvider sentinel = FakeProvider.start();
  final String a = TestConfig.unique("openrouter");
  final String b = TestConfig.unique("gemini");
  final RouterFixture fixture =
      new RouterFixture(
          TestConfig.create()
              .provider(a, "openai", serverA.baseUrl() + "/api/v1", KEY_A, chat("qwen", 0, 0))
              .provider(b, "gemini", serverB.baseUrl(), KEY_B, chat("gemini-2.5-flash", 0, 0))
              .route("general", new RouteTarget(a, "qwen"), new RouteTarget(b, "gemini-2.5-flash"))
              .maxAttempts(1)
              .build());

  @AfterEach
  void stop() {
    fixture.close();
    serverA.close();
    serverB.close();
    sentinel.close();
  }

  @Test
  void eachProviderSeesOnlyItsOwnKeyAndNodeDataCannotRedirectIt() {
    serverA.always(json(500, "{}"));
    serverB.always(geminiAnswer("fine", 1, 1));

    AiOutput out =
        output(
            fixture.answer(
                Map.of(
                    "prompt", "hi",
                    "baseUrl", sentinel.baseUrl(),
                    "api_base", sentinel.baseUrl(),
                    "endpoint", sentinel.baseUrl(),
                    "headers", Map.of("Host", "evil.example"))));

    assertThat(out.provider()).isEqualTo(b);
    assertThat(out.fallbackFrom()).containsExactly(a);
    assertThat(sentinel.count()).isZero();
    assertThat(serverA.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path()).isEqualTo("/api/v1/chat/completions");
              assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY_A);
              assertThat(r.headers().toString() + r.body()).doesNotContain(KEY_B);
            });
    assertThat(serverB.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.header("x-goog-api-key")).isEqualTo(KEY_B);
              assertThat(r.header("Authorization")).isNull();
              assertThat(r.headers().toString() + r.body()).doesNotContain(KEY_A);
            });
    assertThat(fixture.usage.toString()).doesNotContain(KEY_A).doesNotContain(KEY_B);
  }
}
