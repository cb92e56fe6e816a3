package io.agentic.airouter.router;

import io.agentic.airouter.AiRouterProperties.Model;
import io.agentic.airouter.cost.PriceTable;
import io.agentic.airouter.provider.ProviderClients;
import io.agentic.airouter.routing.RouteTarget;
import io.agentic.airouter.routing.RoutingTable;
import io.agentic.airouter.routing.TaskType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The providers to try for a task, in order: a node's override first (only a configured provider's
 * priced model), then the task's route — or the override alone when the task names its model
 * exactly.
 */
final class Targets {

  private final ProviderClients clients;
  private final PriceTable prices;

  Targets(ProviderClients clients, PriceTable prices) {
    this.clients = clients;
    this.prices = prices;
  }

  List<RouteTarget> of(AiTask task, RoutingTable table) {
    List<RouteTarget> route = table.route(task.taskType());
    if (task.provider() == null && task.model() == null) {
      return route;
    }
    RouteTarget pinned = pinned(task);
    if (task.exactModel()) {
      return List.of(pinned);
    }
    List<RouteTarget> targets = new ArrayList<>();
    targets.add(pinned);
    route.stream().filter(t -> !t.equals(pinned)).forEach(targets::add);
    return targets;
  }

  private RouteTarget pinned(AiTask task) {
    boolean sentiment = task.taskType() == TaskType.SENTIMENT_ANALYSIS;
    if (task.provider() == null) {
      return clients.names().stream()
          .filter(clients::configured)
          .filter(p -> usable(p, task.model(), sentiment))
          .findFirst()
          .map(p -> new RouteTarget(p, task.model()))
          .orElseThrow(
              () ->
                  new ModelNotAllowedException(
                      "model " + task.model() + " is not a priced model of a configured provider"));
    }
    if (!clients.configured(task.provider())) {
      throw new ModelNotAllowedException("provider " + task.provider() + " is not configured");
    }
    String model =
        Optional.ofNullable(task.model())
            .or(
                () ->
                    sentiment
                        ? prices
                            .defaultClassificationModel(task.provider())
                            .or(() -> prices.defaultChatModel(task.provider()))
                        : prices.defaultChatModel(task.provider()))
            .orElseThrow(
                () ->
                    new ModelNotAllowedException(
                        "provider " + task.provider() + " has no default model"));
    if (!usable(task.provider(), model, sentiment)) {
      throw new ModelNotAllowedException(
          "model " + model + " is not a priced model of provider " + task.provider());
    }
    return new RouteTarget(task.provider(), model);
  }

  private boolean usable(String provider, String model, boolean sentiment) {
    return prices
        .model(provider, model)
        .filter(m -> sentiment || !m.classification())
        .map(Model::name)
        .isPresent();
  }
}
