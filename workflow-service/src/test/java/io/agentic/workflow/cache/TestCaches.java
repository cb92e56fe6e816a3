package io.agentic.workflow.cache;

import io.agentic.workflow.WorkflowProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Caches with their own Redis connection, as another replica of the service has: nothing shared
 * with the cache of the application under test but Redis itself.
 */
public final class TestCaches {

  private TestCaches() {}

  public static WorkflowCache connectedTo(
      String host, int port, Duration ttl, MeterRegistry meters, Clock clock) {
    return new WorkflowCache(
        redis(host, port), new WorkflowProperties.Cache(true, ttl), meters, clock);
  }

  /** A cache switched off ({@code agentic.workflow.cache.enabled=false}) on that Redis. */
  public static WorkflowCache switchedOff(String host, int port, MeterRegistry meters) {
    return new WorkflowCache(
        redis(host, port),
        new WorkflowProperties.Cache(false, Duration.ofMinutes(10)),
        meters,
        Clock.systemUTC());
  }

  public static StringRedisTemplate redis(String host, int port) {
    LettuceConnectionFactory factory =
        new LettuceConnectionFactory(
            new RedisStandaloneConfiguration(host, port),
            LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
    factory.afterPropertiesSet();
    factory.start();
    return new StringRedisTemplate(factory);
  }
}
