package io.agentic.workflow.cache;

import io.agentic.workflow.WorkflowProperties;
import io.agentic.workflow.store.WorkflowDocument;
import io.agentic.workflow.store.WorkflowVersionDocument;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read cache of workflows in Redis, shared by every replica. It holds documents, never answers:
 * who may see a document is decided after it is read, so the cache cannot leak.
 *
 * <p>A workflow is the hash {@code workflow:cache:<id>} with fields {@code doc} (the document as
 * JSON) and {@code gen} (a generation that every write increments). A reader notes the generation
 * before it reads MongoDB and stores what it read only if no write has happened since (one Lua
 * script), so a slow reader never puts back the state a concurrent write replaced. Versions are
 * immutable and cached apart ({@code workflow:cache:<id>:v:<n>}) without invalidation.
 *
 * <p>Redis is an optimisation: when it fails, reads go to MongoDB for a while ({@link #BYPASS}),
 * and an invalidation it could not take is retried every second, this replica reading MongoDB until
 * it succeeds.
 *
 * <p>Switched off ({@code agentic.workflow.cache.enabled=false}), reads neither look in Redis nor
 * fill it, and are not counted; writes still invalidate, so that switching it back on (this replica
 * or another) never serves an entry older than a write.
 */
@Component
public class WorkflowCache {

  static final String PREFIX = "workflow:cache:";
  static final Duration BYPASS = Duration.ofSeconds(5);
  private static final String DOC = "doc";
  private static final String GEN = "gen";

  /** Stores the document only if the generation is still the one read before loading it. */
  private static final RedisScript<Long> FILL =
      RedisScript.of(
          """
          local gen = redis.call('HGET', KEYS[1], 'gen') or '0'
          if gen ~= ARGV[1] then return 0 end
          redis.call('HSET', KEYS[1], 'doc', ARGV[2])
          redis.call('PEXPIRE', KEYS[1], ARGV[3])
          return 1
          """,
          Long.class);

  /** Drops the document and makes every load that started before this one unable to store. */
  private static final RedisScript<Long> INVALIDATE =
      RedisScript.of(
          """
          local gen = redis.call('HINCRBY', KEYS[1], 'gen', 1)
          redis.call('HDEL', KEYS[1], 'doc')
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          return gen
          """,
          Long.class);

  private static final Logger log = LoggerFactory.getLogger(WorkflowCache.class);
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final StringRedisTemplate redis;
  private final boolean enabled;
  private final Duration ttl;
  private final Counter hits;
  private final Counter misses;
  private final Clock clock;
  private final Set<String> notInvalidated = ConcurrentHashMap.newKeySet();
  private volatile Instant bypassUntil = Instant.MIN;

  @Autowired
  WorkflowCache(StringRedisTemplate redis, WorkflowProperties properties, MeterRegistry meters) {
    this(redis, properties.cache(), meters, Clock.systemUTC());
  }

  WorkflowCache(
      StringRedisTemplate redis,
      WorkflowProperties.Cache settings,
      MeterRegistry meters,
      Clock clock) {
    this.redis = redis;
    this.enabled = settings.enabled();
    this.ttl = settings.ttl();
    if (!enabled) {
      log.info("The workflow read cache is off: every read goes to MongoDB");
    }
    this.clock = clock;
    this.hits = counter(meters, "hit");
    this.misses = counter(meters, "miss");
  }

  private static Counter counter(MeterRegistry meters, String result) {
    return Counter.builder("agentic.cache.requests")
        .description("Reads of the workflow cache, by whether Redis held the answer")
        .tag("cache", "workflow")
        .tag("result", result)
        .register(meters);
  }

  /** The workflow (deleted ones excluded) from Redis, else from {@code load}, which is cached. */
  public Optional<WorkflowDocument> workflow(String id, Supplier<Optional<WorkflowDocument>> load) {
    if (!enabled) {
      return load.get();
    }
    String key = PREFIX + id;
    Cached cached = usable() ? readWorkflow(key) : null;
    if (cached != null && cached.doc() != null) {
      WorkflowDocument doc = decode(cached.doc(), WorkflowDocument.class);
      if (doc != null) {
        hits.increment();
        return Optional.of(doc);
      }
    }
    misses.increment();
    Optional<WorkflowDocument> loaded = load.get();
    if (cached != null && loaded.isPresent()) {
      attempt(
          () ->
              redis.execute(
                  FILL,
                  List.of(key),
                  cached.gen(),
                  JSON.writeValueAsString(loaded.get()),
                  Long.toString(ttl.toMillis())));
    }
    return loaded;
  }

  /** A saved version from Redis, else from {@code load}; versions never change once saved. */
  public Optional<WorkflowVersionDocument> version(
      String id, int version, Supplier<Optional<WorkflowVersionDocument>> load) {
    if (!enabled) {
      return load.get();
    }
    String key = PREFIX + id + ":v:" + version;
    boolean usable = usable();
    if (usable) {
      String json = attempt(() -> redis.opsForValue().get(key));
      WorkflowVersionDocument doc =
          json == null ? null : decode(json, WorkflowVersionDocument.class);
      if (doc != null) {
        hits.increment();
        return Optional.of(doc);
      }
    }
    misses.increment();
    Optional<WorkflowVersionDocument> loaded = load.get();
    if (usable && loaded.isPresent()) {
      run(() -> redis.opsForValue().set(key, JSON.writeValueAsString(loaded.get()), ttl));
    }
    return loaded;
  }

  /**
   * Call after every write to the workflow and before answering, so that no replica serves the
   * state it replaced. Never throws: if Redis cannot take it, it is retried and this replica reads
   * MongoDB until then.
   */
  public void invalidate(String id) {
    if (!invalidateNow(id)) {
      notInvalidated.add(id);
    }
  }

  /** Retries the invalidations Redis could not take. */
  @Scheduled(fixedDelay = 1000)
  public void retryInvalidations() {
    for (String id : notInvalidated) {
      if (!invalidateNow(id)) {
        return;
      }
      notInvalidated.remove(id);
    }
  }

  private boolean invalidateNow(String id) {
    try {
      redis.execute(INVALIDATE, List.of(PREFIX + id), Long.toString(ttl.toMillis()));
      return true;
    } catch (RuntimeException e) {
      log.error(
          "Could not invalidate the cached workflow {} (retrying; reads use MongoDB meanwhile): {}",
          id,
          e.toString());
      bypassUntil = clock.instant().plus(BYPASS);
      return false;
    }
  }

  private boolean usable() {
    return notInvalidated.isEmpty() && clock.instant().isAfter(bypassUntil);
  }

  private record Cached(String doc, String gen) {}

  /** The hash's document and generation, or null when Redis failed. */
  private Cached readWorkflow(String key) {
    List<Object> fields =
        attempt(() -> redis.<Object, Object>opsForHash().multiGet(key, List.of(DOC, GEN)));
    if (fields == null) {
      return null;
    }
    Object gen = fields.get(1);
    return new Cached((String) fields.get(0), gen == null ? "0" : (String) gen);
  }

  private <T> T attempt(Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      log.warn(
          "Redis is failing; workflows are read from MongoDB for the next {}: {}",
          BYPASS,
          e.toString());
      bypassUntil = clock.instant().plus(BYPASS);
      return null;
    }
  }

  private void run(Runnable call) {
    attempt(
        () -> {
          call.run();
          return null;
        });
  }

  private static <T> T decode(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (RuntimeException e) {
      // Written by another release of the service: read MongoDB instead and overwrite it.
      log.debug("Ignoring an unreadable cached {}: {}", type.getSimpleName(), e.toString());
      return null;
    }
  }
}
