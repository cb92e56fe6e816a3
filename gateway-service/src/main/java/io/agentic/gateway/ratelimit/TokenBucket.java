package io.agentic.gateway.ratelimit;

import io.agentic.gateway.redis.RedisOutage;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A token bucket per key, refilled continuously at {@code rate} per second up to {@code burst},
 * evaluated atomically in Redis by one script. The script reads Redis's own clock, so replicas with
 * skewed clocks still share one bucket fairly.
 */
@Component
class TokenBucket {

  /** Returns {allowed (1/0), milliseconds until a token is available}. */
  static final RedisScript<List> TAKE =
      RedisScript.of(
          """
          local t = redis.call('TIME')
          local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
          local rate = tonumber(ARGV[1]) / 1000
          local burst = tonumber(ARGV[2])
          local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
          local tokens = tonumber(state[1])
          local at = tonumber(state[2])
          if tokens == nil or at == nil then
            tokens = burst
            at = now
          end
          tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
          local allowed = 0
          local wait = 0
          if tokens >= 1 then
            tokens = tokens - 1
            allowed = 1
          else
            wait = math.ceil((1 - tokens) / rate)
          end
          redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
          redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
          return {allowed, wait}
          """,
          List.class);

  private final ReactiveStringRedisTemplate redis;

  TokenBucket(ReactiveStringRedisTemplate redis) {
    this.redis = redis;
  }

  /** Whether a request may pass now, and if not, how long until one may. */
  Mono<Admission> take(String key, double perSecond, int burst) {
    return redis
        .execute(TAKE, List.of(key), List.of(Double.toString(perSecond), Integer.toString(burst)))
        .next()
        .timeout(RedisOutage.CALL_TIMEOUT)
        .map(
            result ->
                new Admission(
                    ((Number) result.get(0)).longValue() == 1,
                    Duration.ofMillis(((Number) result.get(1)).longValue())));
  }

  /** The outcome of taking a token. */
  record Admission(boolean allowed, Duration retryAfter) {}
}
