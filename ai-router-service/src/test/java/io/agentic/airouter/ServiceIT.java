package io.agentic.airouter;

import io.agentic.testsupport.TestInfrastructureInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on the embedded broker, MongoDB-wire server and Redis, with gemini, groq and
 * huggingface pointing at loopback fakes (openrouter and openai stay unconfigured). Subclasses
 * share one context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // as AiRouterServiceApplication.builder() sets them: metrics are tagged with the service name
    properties = {
      "spring.config.name=ai-router-service",
      "spring.application.name=ai-router-service"
    })
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
@Import(TestTokens.Decoder.class)
public abstract class ServiceIT {

  protected static final String GEMINI_KEY = "it-gemini-key";
  protected static final String GROQ_KEY = "it-groq-key";
  protected static final String HF_KEY = "it-hf-key";

  protected static final FakeProvider GEMINI = FakeProvider.start();
  protected static final FakeProvider GROQ = FakeProvider.start();
  protected static final FakeProvider HUGGINGFACE = FakeProvider.start();

  @DynamicPropertySource
  static void providers(DynamicPropertyRegistry registry) {
    registry.add("agentic.ai.providers.gemini.base-url", GEMINI::baseUrl);
    registry.add("agentic.ai.providers.gemini.api-key", () -> GEMINI_KEY);
    registry.add("agentic.ai.providers.groq.base-url", () -> GROQ.baseUrl() + "/openai/v1");
    registry.add("agentic.ai.providers.groq.api-key", () -> GROQ_KEY);
    registry.add("agentic.ai.providers.huggingface.base-url", HUGGINGFACE::baseUrl);
    registry.add("agentic.ai.providers.huggingface.api-key", () -> HF_KEY);
    registry.add("agentic.ai.providers.openrouter.api-key", () -> "");
    registry.add("agentic.ai.providers.openai.api-key", () -> "");
    registry.add("agentic.ai.http.call-timeout", () -> "2s");
    // large enough for every test; a test that needs it used up fills its own user's counter
    registry.add("agentic.ai.user-daily-token-budget", () -> "1000000");
    registry.add("agentic.ai.resilience.retry.initial-backoff", () -> "10ms");
    registry.add("agentic.ai.resilience.retry.max-attempts", () -> "2");
    registry.add("agentic.ai.resilience.circuit-breaker.minimum-calls", () -> "50");
    registry.add("agentic.ai.resilience.circuit-breaker.sliding-window-size", () -> "50");
  }
}
