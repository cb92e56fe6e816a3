package io.agentic.airouter.router;

import io.agentic.airouter.AiRouterProperties;
import io.agentic.airouter.cache.AnswerCache;
import io.agentic.airouter.cost.PriceTable;
import io.agentic.airouter.metrics.RouterMetrics;
import io.agentic.airouter.provider.ProviderClients;
import io.agentic.airouter.quota.ProviderQuotas;
import io.agentic.airouter.quota.UserBudgets;
import io.agentic.airouter.resilience.Deadline;
import io.agentic.airouter.resilience.ProviderGuards;
import io.agentic.airouter.resilience.ProviderHealth;
import io.agentic.airouter.routing.RouteTarget;
import io.agentic.airouter.routing.RoutingTable;
import io.agentic.airouter.routing.TaskType;
import io.agentic.contracts.ai.AiCallRecorded;
import io.agentic.platform.observability.AgenticMetrics;
import io.agentic.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The router assembled by hand against fake providers and the real Redis. */
final class RouterFixture implements AutoCloseable {

  private static StringRedisTemplate redis;

  final AiRouterProperties properties;
  final Clock clock;
  final ProviderGuards guards;
  final ProviderHealth health;
  final ProviderQuotas quotas;
  final List<AiCallRecorded> usage = new CopyOnWriteArrayList<>();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final AiRouter router;

  RouterFixture(AiRouterProperties properties) {
    this(properties, Clock.systemUTC());
  }

  RouterFixture(AiRouterProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    this.guards = new ProviderGuards(properties, clock);
    this.health = new ProviderHealth(20);
    this.quotas = new ProviderQuotas(redis(), properties, clock);
    PriceTable prices = new PriceTable(properties);
    Map<TaskType, List<RouteTarget>> routes = new EnumMap<>(TaskType.class);
    properties.routes().forEach((k, v) -> routes.put(TaskType.fromWire(k).orElseThrow(), v));
    RoutingTable table = new RoutingTable(routes);
    this.router =
        new AiRouter(
            new ProviderClients(properties, clock),
            guards,
            health,
            quotas,
            new UserBudgets(redis(), properties, clock),
            new AnswerCache(redis(), properties),
            prices,
            () -> table,
            usage::add,
            new RouterMetrics(meters),
            clock);
  }

  static synchronized StringRedisTemplate redis() {
    if (redis == null) {
      URI url = URI.create(TestInfrastructure.redisUrl());
      LettuceConnectionFactory factory =
          new LettuceConnectionFactory(
              new RedisStandaloneConfiguration(url.getHost(), url.getPort()));
      factory.afterPropertiesSet();
      factory.start();
      redis = new StringRedisTemplate(factory);
    }
    return redis;
  }

  AiOutcome answer(Map<String, Object> input) {
    return answer(input, "user-" + UUID.randomUUID(), Duration.ofSeconds(10));
  }

  AiOutcome answer(Map<String, Object> input, String userId, Duration timeout) {
    return router.answer(
        AiTaskParser.parse(input),
        new CallContext("step-" + UUID.randomUUID(), "exec-" + UUID.randomUUID(), userId),
        Deadline.after(timeout, clock));
  }

  /** A door's request: no step, no execution, only the user. */
  AiOutcome answer(AiTask task, String userId) {
    return router.answer(
        task, new CallContext(null, null, userId), Deadline.after(Duration.ofSeconds(10), clock));
  }

  AiOutcome stream(AiTask task, String userId, AnswerStream listener) {
    return router.stream(
        task,
        new CallContext(null, null, userId),
        Deadline.after(Duration.ofSeconds(10), clock),
        listener);
  }

  /** How many provider calls the metrics counted with this provider and outcome. */
  long providerCalls(String provider, String outcome) {
    Timer timer =
        meters
            .find(AgenticMetrics.PROVIDER_CALLS)
            .tag(AgenticMetrics.PROVIDER, provider)
            .tag(AgenticMetrics.OUTCOME, outcome)
            .timer();
    return timer == null ? 0 : timer.count();
  }

  static AiOutput output(AiOutcome outcome) {
    if (outcome instanceof AiOutcome.Answered answered) {
      return answered.output();
    }
    throw new AssertionError("expected an answer, got " + outcome);
  }

  static AiOutcome.Failed failure(AiOutcome outcome) {
    if (outcome instanceof AiOutcome.Failed failed) {
      return failed;
    }
    throw new AssertionError("expected a failure, got " + outcome);
  }

  @Override
  public void close() {
    guards.close();
  }
}
