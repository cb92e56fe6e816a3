package io.agentic.airouter.cost;

import io.agentic.airouter.AiRouterProperties;
import io.agentic.airouter.AiRouterProperties.Model;
import io.agentic.airouter.provider.TokenUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every model a provider may be asked for, with its price in USD per million tokens. A model
 * without a price is never called: an override naming one fails with {@code MODEL_NOT_ALLOWED}.
 */
public final class PriceTable {

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private final Map<String, AiRouterProperties.Provider> providers;

  public PriceTable(AiRouterProperties properties) {
    this.providers = new LinkedHashMap<>(properties.providers());
  }

  public Optional<Model> model(String provider, String model) {
    AiRouterProperties.Provider settings = providers.get(provider);
    if (settings == null || model == null) {
      return Optional.empty();
    }
    return settings.models().stream().filter(m -> m.name().equals(model)).findFirst();
  }

  public boolean knownProvider(String provider) {
    return providers.containsKey(provider);
  }

  /** The provider's default chat model, if it has a priced one. */
  public Optional<String> defaultChatModel(String provider) {
    AiRouterProperties.Provider settings = providers.get(provider);
    if (settings == null) {
      return Optional.empty();
    }
    return model(provider, settings.defaultModel())
        .or(() -> settings.models().stream().filter(m -> !m.classification()).findFirst())
        .filter(m -> !m.classification())
        .map(Model::name);
  }

  /** The provider's first text-classification model, if any. */
  public Optional<String> defaultClassificationModel(String provider) {
    AiRouterProperties.Provider settings = providers.get(provider);
    if (settings == null) {
      return Optional.empty();
    }
    return settings.models().stream().filter(Model::classification).map(Model::name).findFirst();
  }

  public List<String> models(String provider) {
    AiRouterProperties.Provider settings = providers.get(provider);
    return settings == null ? List.of() : settings.models().stream().map(Model::name).toList();
  }

  /** What a call cost, rounded to a millionth of a dollar; unknown models cost 0. */
  public double costUsd(String provider, String model, TokenUsage usage) {
    return model(provider, model)
        .map(
            m ->
                BigDecimal.valueOf(usage.promptTokens())
                    .multiply(BigDecimal.valueOf(m.inputPerMillion()))
                    .add(
                        BigDecimal.valueOf(usage.completionTokens())
                            .multiply(BigDecimal.valueOf(m.outputPerMillion())))
                    .divide(MILLION, 8, RoundingMode.HALF_UP)
                    .doubleValue())
        .orElse(0.0);
  }
}
