package io.agentic.airouter.cache;

import io.agentic.airouter.AiRouterProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers to deterministic requests (temperature 0), kept in Redis under {@code
 * ai-router:cache:<sha256>} where the hash covers the user, provider, model, messages and every
 * parameter. The cache is an optimisation: when Redis fails it is bypassed, never fatal.
 */
public final class AnswerCache {

  private static final Logger log = LoggerFactory.getLogger(AnswerCache.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final StringRedisTemplate redis;
  private final boolean enabled;
  private final Duration ttl;

  public AnswerCache(StringRedisTemplate redis, AiRouterProperties properties) {
    this.redis = redis;
    this.enabled = properties.cache().enabled();
    this.ttl = properties.cache().ttl();
  }

  public boolean enabled() {
    return enabled;
  }

  public Optional<CachedAnswer> get(CacheKey key) {
    if (!enabled) {
      return Optional.empty();
    }
    try {
      String value = redis.opsForValue().get(redisKey(key));
      return value == null
          ? Optional.empty()
          : Optional.of(JSON.readValue(value, CachedAnswer.class));
    } catch (DataAccessException | JacksonException e) {
      log.warn("AI answer cache unreadable, calling the provider instead: {}", e.getMessage());
      return Optional.empty();
    }
  }

  public void put(CacheKey key, CachedAnswer answer) {
    if (!enabled) {
      return;
    }
    try {
      redis.opsForValue().set(redisKey(key), JSON.writeValueAsString(answer), ttl);
    } catch (DataAccessException e) {
      log.warn("AI answer not cached: {}", e.getMessage());
    }
  }

  /** {@code ai-router:cache:} and the SHA-256 of the key's canonical JSON. */
  public static String redisKey(CacheKey key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(JSON.writeValueAsString(key).getBytes(StandardCharsets.UTF_8));
      return "ai-router:cache:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
