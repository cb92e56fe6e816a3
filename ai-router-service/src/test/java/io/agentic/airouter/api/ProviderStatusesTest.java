package io.agentic.airouter.api;

import static io.agentic.airouter.TestConfig.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.agentic.airouter.AiRouterProperties;
import io.agentic.airouter.TestConfig;
import io.agentic.airouter.cost.PriceTable;
import io.agentic.airouter.provider.ProviderClients;
import io.agentic.airouter.quota.ProviderQuotas;
import io.agentic.airouter.resilience.ProviderGuards;
import io.agentic.airouter.resilience.ProviderHealth;
import io.agentic.testsupport.TestInfrastructure;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

class ProviderStatusesTest {

  final String healthy = TestConfig.unique("healthy");
  final String flaky = TestConfig.unique("flaky");
  final String refused = TestConfig.unique("refused");
  final String broken = TestConfig.unique("broken");
  final String busy = TestConfig.unique("busy");
  final String keyless = TestConfig.unique("keyless");
  final AiRouterProperties properties =
      TestConfig.create()
          .provider(healthy, "openai", "http://127.0.0.1:1", "k", chat("m", 1, 1))
          .provider(flaky, "openai", "http://127.0.0.1:1", "k", chat("m", 1, 1))
          .provider(refused, "openai", "http://127.0.0.1:1", "k", chat("m", 1, 1))
          .provider(broken, "openai", "http://127.0.0.1:1", "k", chat("m", 1, 1))
          .provider(busy, "openai", "http://127.0.0.1:1", "k", 1, chat("m", 1, 1))
          .provider(keyless, "openai", "http://127.0.0.1:1", "", chat("m", 1, 1))
          .build();
  final LettuceConnectionFactory redis = redis();
  final ProviderGuards guards = new ProviderGuards(properties, Clock.systemUTC());
  final ProviderHealth health = new ProviderHealth(10);
  final ProviderQuotas quotas =
      new ProviderQuotas(new StringRedisTemplate(redis), properties, Clock.systemUTC());
  final ProviderStatuses statuses =
      new ProviderStatuses(
          new ProviderClients(properties, Clock.systemUTC()),
          guards,
          health,
          quotas,
          new PriceTable(properties));

  @AfterEach
  void stop() {
    guards.close();
    redis.destroy();
  }

  @Test
  void statusFollowsRecentOutcomesTheCircuitTheKeyAndTheQuota() {
    health.record(healthy, true, Duration.ofMillis(100));
    health.record(healthy, true, Duration.ofMillis(300));
    health.record(healthy, true, Duration.ofMillis(200));
    for (int i = 0; i < 4; i++) {
      health.record(flaky, i > 0, Duration.ofMillis(50));
    }
    health.markUnauthorized(refused);
    guards.breaker(broken).transitionToOpenState();
    quotas.record(busy, 1, 40);

    assertThat(statuses.all())
        .extracting(ProviderStatus::name, ProviderStatus::status, ProviderStatus::circuitState)
        .containsExactly(
            tuple(healthy, "healthy", "closed"),
            tuple(flaky, "degraded", "closed"),
            tuple(refused, "down", "closed"),
            tuple(broken, "down", "open"),
            tuple(busy, "degraded", "closed"),
            tuple(keyless, "unconfigured", "closed"));
    ProviderStatus first = statuses.all().getFirst();
    assertThat(first.latencyMsP50()).isEqualTo(200L);
    assertThat(first.configured()).isTrue();
    assertThat(first.models()).containsExactly("m");
    assertThat(first.quota()).isEqualTo(new ProviderStatus.Quota(0L, null, 0L, null));
    assertThat(statuses.all().get(4).quota())
        .isEqualTo(new ProviderStatus.Quota(1L, 1L, 40L, null));
    assertThat(statuses.all().get(5).latencyMsP50()).isNull();
  }

  private static LettuceConnectionFactory redis() {
    URI url = URI.create(TestInfrastructure.redisUrl());
    LettuceConnectionFactory factory =
        new LettuceConnectionFactory(
            new RedisStandaloneConfiguration(url.getHost(), url.getPort()));
    factory.afterPropertiesSet();
    factory.start();
    return factory;
  }
}
