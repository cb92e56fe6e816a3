package io.agentic.airouter.quota;

import io.agentic.airouter.AiRouterProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * An optional daily token budget per user, across providers: {@code
 * ai-router:budget:<userId>:<yyyy-MM-dd>} counts the tokens spent (INCRBY), kept two days. Checked
 * before any call, so a user over budget spends nothing more that day.
 */
public final class UserBudgets {

  private static final Duration KEEP = Duration.ofDays(2);

  private final StringRedisTemplate redis;
  private final long dailyTokens;
  private final Clock clock;

  public UserBudgets(StringRedisTemplate redis, AiRouterProperties properties, Clock clock) {
    this.redis = redis;
    this.dailyTokens = properties.userDailyTokenBudget();
    this.clock = clock;
  }

  public boolean enabled() {
    return dailyTokens > 0;
  }

  public boolean exhausted(String userId) {
    if (!enabled() || userId == null) {
      return false;
    }
    try {
      String spent = redis.opsForValue().get(key(userId));
      return spent != null && Long.parseLong(spent) >= dailyTokens;
    } catch (DataAccessException e) {
      throw new QuotaUnavailableException(e);
    }
  }

  public void record(String userId, long tokens) {
    if (!enabled() || userId == null || tokens <= 0) {
      return;
    }
    try {
      String key = key(userId);
      redis.opsForValue().increment(key, tokens);
      redis.expire(key, KEEP);
    } catch (DataAccessException e) {
      throw new QuotaUnavailableException(e);
    }
  }

  public long dailyTokens() {
    return dailyTokens;
  }

  String key(String userId) {
    return "ai-router:budget:" + userId + ":" + LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }
}
