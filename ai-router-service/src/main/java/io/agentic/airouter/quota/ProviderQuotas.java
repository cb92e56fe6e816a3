package io.agentic.airouter.quota;

import io.agentic.airouter.AiRouterProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Daily request and token quotas per provider, shared by every instance through Redis: one hash per
 * provider and UTC day, {@code ai-router:quota:<provider>:<yyyy-MM-dd>}, fields {@code requests}
 * and {@code tokens} (HINCRBY), kept two days.
 */
public final class ProviderQuotas {

  static final String REQUESTS = "requests";
  static final String TOKENS = "tokens";
  private static final Duration KEEP = Duration.ofDays(2);

  private final StringRedisTemplate redis;
  private final Map<String, AiRouterProperties.Provider> providers;
  private final Clock clock;

  public ProviderQuotas(StringRedisTemplate redis, AiRouterProperties properties, Clock clock) {
    this.redis = redis;
    this.providers = properties.providers();
    this.clock = clock;
  }

  /** Today's use. */
  public Usage usage(String provider) {
    try {
      List<Object> values = redis.opsForHash().multiGet(key(provider), List.of(REQUESTS, TOKENS));
      return new Usage(number(values.get(0)), number(values.get(1)));
    } catch (DataAccessException e) {
      throw new QuotaUnavailableException(e);
    }
  }

  /** Whether today's request or token limit is used up. */
  public boolean exhausted(String provider) {
    AiRouterProperties.Provider settings = providers.get(provider);
    if (settings == null
        || (settings.dailyRequestLimit() <= 0 && settings.dailyTokenLimit() <= 0)) {
      return false;
    }
    Usage used = usage(provider);
    return (settings.dailyRequestLimit() > 0 && used.requests() >= settings.dailyRequestLimit())
        || (settings.dailyTokenLimit() > 0 && used.tokens() >= settings.dailyTokenLimit());
  }

  public void record(String provider, long requests, long tokens) {
    try {
      String key = key(provider);
      redis.opsForHash().increment(key, REQUESTS, requests);
      if (tokens > 0) {
        redis.opsForHash().increment(key, TOKENS, tokens);
      }
      redis.expire(key, KEEP);
    } catch (DataAccessException e) {
      throw new QuotaUnavailableException(e);
    }
  }

  public long requestLimit(String provider) {
    AiRouterProperties.Provider settings = providers.get(provider);
    return settings == null ? 0 : settings.dailyRequestLimit();
  }

  public long tokenLimit(String provider) {
    AiRouterProperties.Provider settings = providers.get(provider);
    return settings == null ? 0 : settings.dailyTokenLimit();
  }

  String key(String provider) {
    return "ai-router:quota:" + provider + ":" + LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  private static long number(Object value) {
    return value == null ? 0 : Long.parseLong(value.toString());
  }

  /** A provider's use today. */
  public record Usage(long requests, long tokens) {}
}
