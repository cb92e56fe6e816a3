package io.agentic.airouter.router;

import io.agentic.airouter.AiRouterProperties.Model;
import io.agentic.airouter.cache.AnswerCache;
import io.agentic.airouter.cache.CacheKey;
import io.agentic.airouter.cache.CachedAnswer;
import io.agentic.airouter.cost.PriceTable;
import io.agentic.airouter.metrics.RouterMetrics;
import io.agentic.airouter.provider.ChatMessage;
import io.agentic.airouter.provider.FinishReason;
import io.agentic.airouter.provider.TokenUsage;
import io.agentic.airouter.routing.RouteTarget;
import java.util.List;
import java.util.Optional;

/**
 * Deterministic tasks (temperature 0) and the answer cache: the key holds exactly what the provider
 * would be sent, so a cached answer is the one the provider gave to that very request.
 */
final class RouterCache {

  private final AnswerCache cache;
  private final PriceTable prices;
  private final RouterMetrics metrics;

  RouterCache(AnswerCache cache, PriceTable prices, RouterMetrics metrics) {
    this.cache = cache;
    this.prices = prices;
    this.metrics = metrics;
  }

  /**
   * The first target of the route with a cached answer, marked cached and free. One look-up is one
   * cache read for the metrics, however many targets it tried.
   */
  Optional<AiOutput> lookup(AiTask task, CallContext context, List<RouteTarget> route) {
    if (!task.deterministic() || !cache.enabled()) {
      return Optional.empty();
    }
    for (RouteTarget target : route) {
      Optional<CachedAnswer> hit = cache.get(key(target, task, context));
      if (hit.isPresent()) {
        metrics.cacheRead(true);
        return Optional.of(
            new AiOutput(
                hit.get().text(),
                hit.get().json() == null ? null : JsonAnswers.parse(hit.get().json()).orElse(null),
                target.provider(),
                target.model(),
                List.of(),
                true,
                TokenUsage.NONE,
                0.0,
                0,
                hit.get().finishReason() == null ? FinishReason.STOP : hit.get().finishReason()));
      }
    }
    metrics.cacheRead(false);
    return Optional.empty();
  }

  void store(RouteTarget target, AiTask task, CallContext context, Answer answer) {
    if (task.deterministic()) {
      cache.put(
          key(target, task, context),
          new CachedAnswer(
              answer.text(),
              answer.json() == null ? null : JsonAnswers.write(answer.json()),
              answer.finishReason()));
    }
  }

  private CacheKey key(RouteTarget target, AiTask task, CallContext context) {
    boolean classifier =
        prices.model(target.provider(), target.model()).map(Model::classification).orElse(false);
    List<ChatMessage> messages =
        classifier ? List.of(ChatMessage.user(task.prompt())) : Prompts.messages(task);
    return new CacheKey(
        CacheKey.VERSION,
        context.userId(),
        target.provider(),
        target.model(),
        task.taskType().wireName(),
        messages,
        task.temperature(),
        task.maxTokens(),
        task.responseFormat());
  }
}
