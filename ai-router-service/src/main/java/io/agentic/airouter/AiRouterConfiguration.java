package io.agentic.airouter;

import io.agentic.airouter.api.ProviderStatuses;
import io.agentic.airouter.cache.AnswerCache;
import io.agentic.airouter.cost.PriceTable;
import io.agentic.airouter.metrics.RouterMetrics;
import io.agentic.airouter.provider.ProviderClients;
import io.agentic.airouter.quota.ProviderQuotas;
import io.agentic.airouter.quota.UserBudgets;
import io.agentic.airouter.resilience.ProviderGuards;
import io.agentic.airouter.resilience.ProviderHealth;
import io.agentic.airouter.router.AiRouter;
import io.agentic.airouter.router.ProviderProbe;
import io.agentic.airouter.router.UsageRecorder;
import io.agentic.airouter.routing.Routes;
import io.agentic.airouter.usage.KafkaUsageRecorder;
import io.agentic.contracts.Topics;
import io.agentic.platform.kafka.AgenticKafkaProperties;
import io.agentic.platform.kafka.KafkaTopics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

/**
 * The router's parts, each a plain class constructed here, so that tests can assemble them without
 * Spring.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AiRouterProperties.class)
class AiRouterConfiguration {

  /** ai-router owns {@code ai.usage.v1}. */
  @Bean
  KafkaAdmin.NewTopics aiRouterTopics(AgenticKafkaProperties kafka) {
    return KafkaTopics.with(kafka).topic(Topics.AI_USAGE).declare();
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  PriceTable priceTable(AiRouterProperties properties) {
    return new PriceTable(properties);
  }

  @Bean
  RouterMetrics routerMetrics(MeterRegistry meters) {
    return new RouterMetrics(meters);
  }

  /**
   * From Boot's builder, so every provider call is observed ({@code http.client.requests}, a client
   * span, {@code traceparent} sent) and {@code spring.http.clients.*} settings such as an SSL
   * bundle apply; the router's own timeouts and its no-redirect rule are laid over them.
   */
  @Bean
  ProviderClients providerClients(
      AiRouterProperties properties,
      Clock clock,
      RestClient.Builder rest,
      ObjectProvider<HttpClientSettings> settings) {
    return new ProviderClients(
        properties, clock, rest, settings.getIfAvailable(HttpClientSettings::defaults));
  }

  @Bean
  ProviderGuards providerGuards(AiRouterProperties properties, Clock clock) {
    return new ProviderGuards(properties, clock);
  }

  @Bean
  ProviderHealth providerHealth(AiRouterProperties properties) {
    return new ProviderHealth(properties.resilience().healthWindow());
  }

  @Bean
  ProviderQuotas providerQuotas(
      StringRedisTemplate redis, AiRouterProperties properties, Clock clock) {
    return new ProviderQuotas(redis, properties, clock);
  }

  @Bean
  UserBudgets userBudgets(StringRedisTemplate redis, AiRouterProperties properties, Clock clock) {
    return new UserBudgets(redis, properties, clock);
  }

  @Bean
  AnswerCache answerCache(StringRedisTemplate redis, AiRouterProperties properties) {
    return new AnswerCache(redis, properties);
  }

  @Bean
  Routes routes(
      AiRouterProperties properties, PriceTable prices, MongoTemplate mongo, Clock clock) {
    return new Routes(properties, prices, mongo, clock);
  }

  @Bean
  UsageRecorder usageRecorder(KafkaTemplate<String, Object> kafka) {
    return new KafkaUsageRecorder(kafka);
  }

  @Bean
  AiRouter aiRouter(
      ProviderClients clients,
      ProviderGuards guards,
      ProviderHealth health,
      ProviderQuotas quotas,
      UserBudgets budgets,
      AnswerCache cache,
      PriceTable prices,
      Routes routes,
      UsageRecorder usage,
      RouterMetrics metrics,
      Clock clock) {
    return new AiRouter(
        clients,
        guards,
        health,
        quotas,
        budgets,
        cache,
        prices,
        routes::current,
        usage,
        metrics,
        clock);
  }

  @Bean
  ProviderProbe providerProbe(
      ProviderClients clients,
      ProviderGuards guards,
      ProviderHealth health,
      ProviderQuotas quotas,
      UserBudgets budgets,
      PriceTable prices,
      UsageRecorder usage,
      RouterMetrics metrics,
      Clock clock) {
    return new ProviderProbe(
        clients, guards, health, quotas, budgets, prices, usage, metrics, clock);
  }

  @Bean
  ProviderStatuses providerStatuses(
      ProviderClients clients,
      ProviderGuards guards,
      ProviderHealth health,
      ProviderQuotas quotas,
      PriceTable prices) {
    return new ProviderStatuses(clients, guards, health, quotas, prices);
  }
}
