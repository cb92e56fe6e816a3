package io.agentic.airouter;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.airouter.cost.PriceTable;
import io.agentic.airouter.provider.ProviderClients;
import io.agentic.airouter.provider.TokenUsage;
import io.agentic.airouter.routing.RouteTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped {@code ai-router-service.yml}: API.md's defaults. */
class DefaultConfigurationTest {

  static AiRouterProperties bind(Map<String, Object> environment) {
    return ShippedConfiguration.bind(environment);
  }

  @Test
  void defaultRoutesAreApiMdsTable() {
    AiRouterProperties properties = bind(Map.of());

    assertThat(properties.routes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "content_generation",
                    List.of(
                        t("gemini", "gemini-2.5-flash"),
                        t("openrouter", "qwen/qwen-2.5-72b-instruct")),
                "quick_decision",
                    List.of(t("groq", "llama-3.1-8b-instant"), t("gemini", "gemini-2.5-flash")),
                "sentiment_analysis",
                    List.of(
                        t("huggingface", "cardiffnlp/twitter-roberta-base-sentiment-latest"),
                        t("gemini", "gemini-2.5-flash")),
                "math_reasoning",
                    List.of(
                        t("openrouter", "z-ai/glm-4.5-air:free"),
                        t("openrouter", "qwen/qwen-2.5-72b-instruct")),
                "long_context",
                    List.of(
                        t("openrouter", "moonshotai/kimi-dev-72b:free"),
                        t("gemini", "gemini-2.5-flash")),
                "code_generation",
                    List.of(
                        t("openrouter", "qwen/qwen-2.5-72b-instruct"),
                        t("gemini", "gemini-2.5-flash")),
                "general",
                    List.of(t("gemini", "gemini-2.5-flash"), t("groq", "llama-3.1-8b-instant"))));
  }

  @Test
  void everyDefaultModelHasAPriceAndFreeModelsCostNothing() {
    AiRouterProperties properties = bind(Map.of());
    PriceTable prices = new PriceTable(properties);
    TokenUsage million = new TokenUsage(1_000_000, 1_000_000, 2_000_000);

    properties
        .routes()
        .values()
        .forEach(
            route ->
                route.forEach(
                    t ->
                        assertThat(prices.model(t.provider(), t.model()))
                            .as(t.toString())
                            .isPresent()));
    assertThat(prices.defaultChatModel("gemini")).contains("gemini-2.5-flash");
    assertThat(prices.defaultChatModel("groq")).contains("llama-3.1-8b-instant");
    assertThat(prices.defaultChatModel("openrouter")).contains("qwen/qwen-2.5-72b-instruct");
    assertThat(prices.defaultChatModel("huggingface")).contains("meta-llama/Llama-3.1-8B-Instruct");
    assertThat(prices.defaultClassificationModel("huggingface"))
        .contains("cardiffnlp/twitter-roberta-base-sentiment-latest");
    assertThat(prices.defaultChatModel("openai")).contains("gpt-4o-mini");
    assertThat(prices.costUsd("openrouter", "z-ai/glm-4.5-air:free", million)).isZero();
    assertThat(prices.costUsd("openrouter", "moonshotai/kimi-dev-72b:free", million)).isZero();
    assertThat(prices.costUsd("openai", "gpt-4o-mini", million)).isEqualTo(0.75);
    assertThat(prices.costUsd("gemini", "gemini-2.5-flash", million)).isEqualTo(2.8);
  }

  @Test
  void providersArePublicEndpointsAndUnconfiguredWithoutKeys() {
    AiRouterProperties properties = bind(Map.of());

    assertThat(properties.providers())
        .extractingFromEntries(e -> e.getKey() + "=" + e.getValue().baseUrl())
        .containsExactly(
            "gemini=https://generativelanguage.googleapis.com",
            "groq=https://api.groq.com/openai/v1",
            "huggingface=https://router.huggingface.co",
            "openrouter=https://openrouter.ai/api/v1",
            "openai=https://api.openai.com/v1");
    ProviderClients clients = new ProviderClients(properties, Clock.systemUTC());
    assertThat(clients.names()).hasSize(5).noneMatch(clients::configured);
  }

  @Test
  void keysAndBaseUrlsComeFromTheDocumentedEnvironmentVariables() {
    AiRouterProperties properties =
        bind(
            Map.of(
                "GEMINI_API_KEY", "g-secret",
                "GEMINI_BASE_URL", "http://127.0.0.1:9999",
                "OPENROUTER_API_KEY", "or-secret",
                "HUGGINGFACE_BASE_URL", "http://hf.local"));

    assertThat(properties.providers().get("gemini").apiKey()).isEqualTo("g-secret");
    assertThat(properties.providers().get("gemini").baseUrl()).isEqualTo("http://127.0.0.1:9999");
    assertThat(properties.providers().get("openrouter").apiKey()).isEqualTo("or-secret");
    assertThat(properties.providers().get("huggingface").baseUrl()).isEqualTo("http://hf.local");
    ProviderClients clients = new ProviderClients(properties, Clock.systemUTC());
    assertThat(clients.configured("gemini")).isTrue();
    assertThat(clients.configured("openrouter")).isTrue();
    assertThat(clients.configured("groq")).isFalse();
    assertThat(properties.providers().get("gemini").toString()).doesNotContain("g-secret");
  }

  @Test
  void aProviderWithAnUnusableBaseUrlStaysUnconfigured() {
    AiRouterProperties properties =
        bind(Map.of("GROQ_API_KEY", "k", "GROQ_BASE_URL", "ftp://files.example"));

    assertThat(new ProviderClients(properties, Clock.systemUTC()).configured("groq")).isFalse();
  }

  @Test
  void aChatCompletionTakesAtMostFiveMinutesUnlessTheEnvironmentSaysOtherwise() {
    assertThat(bind(Map.of()).chatCompletions().timeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(
            bind(Map.of("AGENTIC_AI_CHAT_COMPLETIONS_TIMEOUT", "90s")).chatCompletions().timeout())
        .isEqualTo(Duration.ofSeconds(90));
  }

  private static RouteTarget t(String provider, String model) {
    return new RouteTarget(provider, model);
  }
}
