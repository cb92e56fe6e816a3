package io.agentic.airouter.routing;

import static io.agentic.airouter.TestConfig.chat;
import static io.agentic.airouter.TestConfig.classifier;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentic.airouter.TestConfig;
import io.agentic.airouter.cost.PriceTable;
import io.agentic.platform.problem.FieldProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteValidatorTest {

  final RouteValidator validator =
      new RouteValidator(
          new PriceTable(
              TestConfig.create()
                  .provider(
                      "gemini", "gemini", "http://127.0.0.1:1", "k", chat("gemini-2.5-flash", 0, 0))
                  .provider(
                      "huggingface",
                      "huggingface",
                      "http://127.0.0.1:2",
                      "",
                      chat("llama", 0, 0),
                      classifier("sentiment-model"))
                  .build()));

  @Test
  void acceptsKnownTaskTypesProvidersAndPricedModelsEvenOfUnconfiguredProviders() {
    assertThat(
            validator.problems(
                Map.of(
                    "general", List.of(new RouteTarget("gemini", "gemini-2.5-flash")),
                    "sentiment_analysis",
                        List.of(
                            new RouteTarget("huggingface", "sentiment-model"),
                            new RouteTarget("huggingface", "llama")))))
        .isEmpty();
  }

  @Test
  void listsEveryProblemWithItsField() {
    Map<String, List<RouteTarget>> routes = new LinkedHashMap<>();
    routes.put("poetry", List.of(new RouteTarget("gemini", "gemini-2.5-flash")));
    routes.put("general", List.of());
    routes.put("quick_decision", null);
    routes.put(
        "code_generation",
        List.of(
            new RouteTarget("nope", "x"),
            new RouteTarget("gemini", "gemini-9"),
            new RouteTarget("huggingface", "sentiment-model")));
    List<RouteTarget> withNull = new ArrayList<>();
    withNull.add(null);
    routes.put("long_context", withNull);
    routes.put(
        "math_reasoning", Collections.nCopies(11, new RouteTarget("gemini", "gemini-2.5-flash")));

    assertThat(validator.problems(routes))
        .extracting(FieldProblem::field)
        .containsExactly(
            "poetry",
            "general",
            "quick_decision",
            "code_generation[0].provider",
            "code_generation[1].model",
            "code_generation[2].model",
            "long_context[0]",
            "math_reasoning");
  }
}
