package io.agentic.airouter.routing;

import io.agentic.airouter.AiRouterProperties.Model;
import io.agentic.airouter.cost.PriceTable;
import io.agentic.platform.problem.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a routing table an admin submits: known task types, providers from the configuration
 * (configured or not: a key may be added later), models with a known price, and classification
 * models only for {@code sentiment_analysis}.
 */
final class RouteValidator {

  static final int MAX_TARGETS = 10;

  private final PriceTable prices;

  RouteValidator(PriceTable prices) {
    this.prices = prices;
  }

  List<FieldProblem> problems(Map<String, List<RouteTarget>> routes) {
    List<FieldProblem> problems = new ArrayList<>();
    routes.forEach(
        (name, targets) -> {
          Optional<TaskType> type = TaskType.fromWire(name);
          if (type.isEmpty()) {
            problems.add(new FieldProblem(name, "unknown task type"));
            return;
          }
          if (targets == null || targets.isEmpty()) {
            problems.add(new FieldProblem(name, "a route needs at least one provider"));
            return;
          }
          if (targets.size() > MAX_TARGETS) {
            problems.add(new FieldProblem(name, "at most " + MAX_TARGETS + " providers"));
          }
          for (int i = 0; i < targets.size(); i++) {
            check(type.get(), name + "[" + i + "]", targets.get(i), problems);
          }
        });
    return problems;
  }

  private void check(TaskType type, String field, RouteTarget target, List<FieldProblem> out) {
    if (target == null) {
      out.add(new FieldProblem(field, "must be {provider, model}"));
      return;
    }
    if (target.provider() == null || !prices.knownProvider(target.provider())) {
      out.add(new FieldProblem(field + ".provider", "unknown provider"));
      return;
    }
    Optional<Model> model = prices.model(target.provider(), target.model());
    if (model.isEmpty()) {
      out.add(new FieldProblem(field + ".model", "no known price for this provider's model"));
    } else if (model.get().classification() && type != TaskType.SENTIMENT_ANALYSIS) {
      out.add(new FieldProblem(field + ".model", "a classification model only serves sentiment"));
    }
  }
}
