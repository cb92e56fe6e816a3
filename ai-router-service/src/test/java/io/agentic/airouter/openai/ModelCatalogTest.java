package io.agentic.airouter.openai;

import static io.agentic.airouter.TestConfig.chat;
import static io.agentic.airouter.TestConfig.classifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentic.airouter.AiRouterProperties;
import io.agentic.airouter.TestConfig;
import io.agentic.airouter.cost.PriceTable;
import io.agentic.airouter.openai.ModelCatalog.Choice;
import io.agentic.airouter.provider.ProviderClients;
import io.agentic.airouter.routing.TaskType;
import io.agentic.platform.problem.ApiException;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

  static final String URL = "http://127.0.0.1:1";

  final AiRouterProperties properties =
      TestConfig.create()
          .provider("gemini", "gemini", URL, "g", chat("gemini-2.5-flash", 0, 0))
          .provider(
              "openrouter",
              "openai",
              URL,
              "o",
              chat("qwen/qwen-2.5-72b-instruct", 0, 0),
              chat("z-ai/glm-4.5-air:free", 0, 0))
          .provider(
              "huggingface",
              "huggingface",
              URL,
              "h",
              chat("meta-llama/Llama-3.1-8B-Instruct", 0, 0),
              classifier("cardiffnlp/twitter-roberta-base-sentiment-latest"))
          .provider("openai", "openai", URL, "", chat("gpt-4o-mini", 0, 0))
          .build();
  final ModelCatalog catalog =
      new ModelCatalog(
          new ProviderClients(properties, Clock.systemUTC()), new PriceTable(properties), 1234);

  @Test
  void autoIsTheRouteOfGeneral() {
    assertThat(catalog.resolve("auto")).isEqualTo(new Choice(TaskType.GENERAL, null, null, false));
  }

  @Test
  void aTaskNamesItsRoute() {
    assertThat(catalog.resolve("task:code_generation"))
        .isEqualTo(new Choice(TaskType.CODE_GENERATION, null, null, false));
  }

  @Test
  void theProviderEndsAtTheFirstSlash() {
    assertThat(catalog.resolve("openrouter/qwen/qwen-2.5-72b-instruct"))
        .isEqualTo(new Choice(TaskType.GENERAL, "openrouter", "qwen/qwen-2.5-72b-instruct", true));
    assertThat(catalog.resolve("openrouter/z-ai/glm-4.5-air:free").model())
        .isEqualTo("z-ai/glm-4.5-air:free");
  }

  @Test
  void namingAClassifierAsksForASentiment() {
    assertThat(catalog.resolve("huggingface/cardiffnlp/twitter-roberta-base-sentiment-latest"))
        .isEqualTo(
            new Choice(
                TaskType.SENTIMENT_ANALYSIS,
                "huggingface",
                "cardiffnlp/twitter-roberta-base-sentiment-latest",
                true));
  }

  @Test
  void anythingElseIsNotFound() {
    for (String name :
        new String[] {
          "gpt-4o-mini",
          "openai/gpt-4o-mini",
          "gemini/gemini-9",
          "acme/x",
          "task:",
          "task:poetry",
          "/gemini-2.5-flash",
          "gemini/",
          "AUTO"
        }) {
      assertThatThrownBy(() -> catalog.resolve(name))
          .as(name)
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.status().value()).isEqualTo(404);
                assertThat(e.code()).isEqualTo("MODEL_NOT_FOUND");
                assertThat(e.getMessage()).contains("'" + name + "'");
              });
    }
  }

  @Test
  void listsAutoTheTasksAndTheConfiguredProvidersModels() {
    assertThat(catalog.list())
        .extracting(ModelEntry::id)
        .containsExactly(
            "auto",
            "task:content_generation",
            "task:quick_decision",
            "task:sentiment_analysis",
            "task:math_reasoning",
            "task:long_context",
            "task:code_generation",
            "task:general",
            "gemini/gemini-2.5-flash",
            "openrouter/qwen/qwen-2.5-72b-instruct",
            "openrouter/z-ai/glm-4.5-air:free",
            "huggingface/meta-llama/Llama-3.1-8B-Instruct",
            "huggingface/cardiffnlp/twitter-roberta-base-sentiment-latest");
    assertThat(catalog.list().getFirst())
        .isEqualTo(new ModelEntry("auto", "model", 1234, "agentic"));
    assertThat(catalog.list().getLast().ownedBy()).isEqualTo("huggingface");
  }
}
