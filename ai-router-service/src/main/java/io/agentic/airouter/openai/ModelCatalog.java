package io.agentic.airouter.openai;

import io.agentic.airouter.AiRouterProperties.Model;
import io.agentic.airouter.cost.PriceTable;
import io.agentic.airouter.provider.ProviderClients;
import io.agentic.airouter.routing.TaskType;
import io.agentic.platform.problem.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * The models a client may name: {@code auto} (the route of {@code general}), {@code
 * task:<taskType>} (that task's route, with its fallbacks) and {@code <provider>/<model>} (exactly
 * that model of a configured provider, one with a price). Model names hold {@code /} themselves
 * ({@code openrouter/qwen/qwen-2.5-72b-instruct}), so the provider ends at the first one.
 */
final class ModelCatalog {

  static final String AUTO = "auto";
  static final String TASK = "task:";
  static final String NOT_FOUND = "MODEL_NOT_FOUND";

  private final ProviderClients clients;
  private final PriceTable prices;
  private final long created;

  ModelCatalog(ProviderClients clients, PriceTable prices, long createdEpochSecond) {
    this.clients = clients;
    this.prices = prices;
    this.created = createdEpochSecond;
  }

  /**
   * What a model name asks for.
   *
   * @param provider with {@code model}: the one model to ask; null for a route
   * @param exact only that model, no route behind it
   */
  record Choice(TaskType taskType, String provider, String model, boolean exact) {}

  /**
   * @throws ApiException 404 {@code MODEL_NOT_FOUND} for a name that is none of the above
   */
  Choice resolve(String name) {
    if (name.equals(AUTO)) {
      return new Choice(TaskType.GENERAL, null, null, false);
    }
    if (name.startsWith(TASK)) {
      return TaskType.fromWire(name.substring(TASK.length()))
          .map(type -> new Choice(type, null, null, false))
          .orElseThrow(() -> notFound(name));
    }
    int slash = name.indexOf('/');
    if (slash <= 0 || slash == name.length() - 1) {
      throw notFound(name);
    }
    String provider = name.substring(0, slash);
    String model = name.substring(slash + 1);
    Optional<Model> priced =
        clients.configured(provider) ? prices.model(provider, model) : Optional.empty();
    // a text classifier answers only sentiment: naming it asks for a sentiment
    return priced
        .map(
            m ->
                new Choice(
                    m.classification() ? TaskType.SENTIMENT_ANALYSIS : TaskType.GENERAL,
                    provider,
                    model,
                    true))
        .orElseThrow(() -> notFound(name));
  }

  /** {@code auto}, every task type, then every configured provider's priced models. */
  List<ModelEntry> list() {
    List<ModelEntry> models = new ArrayList<>();
    models.add(new ModelEntry(AUTO, "model", created, "agentic"));
    for (TaskType type : TaskType.values()) {
      models.add(new ModelEntry(TASK + type.wireName(), "model", created, "agentic"));
    }
    for (String provider : clients.names()) {
      if (clients.configured(provider)) {
        for (String model : prices.models(provider)) {
          models.add(new ModelEntry(provider + "/" + model, "model", created, provider));
        }
      }
    }
    return models;
  }

  private static ApiException notFound(String name) {
    return new ApiException(
        HttpStatus.NOT_FOUND,
        NOT_FOUND,
        "The model '"
            + name
            + "' does not exist or is not available: use auto, task:<taskType> or"
            + " <provider>/<model> as GET /v1/models lists them");
  }
}
