package io.agentic.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServicePropertiesTest {

  private final ServicePlan plan =
      new ServicePlan(
          ports(),
          "127.0.0.1:19092",
          "mongodb://127.0.0.1:27018",
          "redis://127.0.0.1:16379",
          Path.of("/var/agentic"),
          3,
          Map.of("agentic.http.allow-hosts", "127.0.0.1:7000"));

  private static Map<AgenticService, Integer> ports() {
    Map<AgenticService, Integer> ports = new EnumMap<>(AgenticService.class);
    int port = 9080;
    for (AgenticService service : AgenticService.values()) {
      ports.put(service, port++);
    }
    return ports;
  }

  @Test
  void everyServiceGetsItsPortTheInfrastructureAndAuthServicesKeys() {
    for (AgenticService service : AgenticService.values()) {
      Map<String, String> p = ServiceProperties.of(service, plan);

      assertThat(p)
          .containsEntry("server.port", Integer.toString(plan.port(service)))
          .containsEntry("spring.kafka.bootstrap-servers", "127.0.0.1:19092")
          .containsEntry("spring.mongodb.uri", "mongodb://127.0.0.1:27018")
          .containsEntry("spring.data.redis.url", "redis://127.0.0.1:16379")
          .containsEntry("agentic.kafka.partitions", "3")
          .containsEntry("agentic.security.jwks-uri", "http://localhost:9081/.well-known/jwks.json")
          .containsEntry("logging.register-shutdown-hook", "false")
          .containsEntry("management.health.mongodb.enabled", "false")
          .containsEntry("agentic.local.mongo-ping-health", "true")
          .containsEntry("agentic.http.allow-hosts", "127.0.0.1:7000");
    }
  }

  @Test
  void theGatewayRoutesToEveryServicesPort() {
    Map<String, String> p = ServiceProperties.of(AgenticService.GATEWAY, plan);

    assertThat(p)
        .containsEntry("agentic.gateway.services.auth", "http://localhost:9081")
        .containsEntry("agentic.gateway.services.workflow", "http://localhost:9082")
        .containsEntry("agentic.gateway.services.execution", "http://localhost:9083")
        .containsEntry("agentic.gateway.services.ai-router", "http://localhost:9084")
        .containsEntry("agentic.gateway.services.analytics", "http://localhost:9085");
  }

  @Test
  void authKeepsItsSigningKeyAndAnalyticsItsStreamStateUnderTheDataDir() {
    assertThat(ServiceProperties.of(AgenticService.AUTH, plan))
        .containsEntry(
            "agentic.auth.signing-key-file",
            Path.of("/var/agentic/auth/signing-key.json").toString());
    assertThat(ServiceProperties.of(AgenticService.ANALYTICS, plan))
        .containsEntry(
            "spring.kafka.streams.state-dir", Path.of("/var/agentic/analytics/streams").toString());
  }

  @Test
  void analyticsReportsTheHealthOfEveryServiceAtItsRealPort() {
    assertThat(ServiceProperties.of(AgenticService.ANALYTICS, plan))
        .containsEntry("agentic.analytics.service-urls.gateway", "http://localhost:9080")
        .containsEntry("agentic.analytics.service-urls.ai-router", "http://localhost:9084")
        .containsEntry("agentic.analytics.service-urls.analytics", "http://localhost:9085");
  }

  @Test
  void executionFindsWorkflowService() {
    assertThat(ServiceProperties.of(AgenticService.EXECUTION, plan))
        .containsEntry("agentic.execution.workflow-service-url", "http://localhost:9082");
  }

  @Test
  void keepsTheGatewayStackOutOfServletServicesAndTomcatOutOfTheGateway() {
    assertThat(ServiceProperties.foreignPackages(AgenticService.GATEWAY))
        .contains("org.springframework.boot.tomcat.")
        .doesNotContain("org.springframework.cloud.gateway.");
    assertThat(ServiceProperties.foreignPackages(AgenticService.AUTH))
        .contains("org.springframework.cloud.gateway.", "org.springframework.ai.");
    assertThat(ServiceProperties.foreignPackages(AgenticService.AI_ROUTER))
        .doesNotContain("org.springframework.ai.")
        .contains(ServiceProperties.REACTIVE_HTTP_CLIENT);
    assertThat(ServiceProperties.foreignPackages(AgenticService.ANALYTICS))
        .contains(ServiceProperties.REACTIVE_HTTP_CLIENT);
    assertThat(ServiceProperties.foreignPackages(AgenticService.GATEWAY))
        .doesNotContain(ServiceProperties.REACTIVE_HTTP_CLIENT);
  }

  @Test
  void propertiesGivenByTheCallerWinOverLocalModesOwn() {
    ServicePlan overriding =
        new ServicePlan(
            plan.ports(),
            plan.kafkaBootstrapServers(),
            plan.mongoUri(),
            plan.redisUrl(),
            plan.dataDir(),
            3,
            Map.of("agentic.kafka.partitions", "2"));

    assertThat(ServiceProperties.of(AgenticService.WORKFLOW, overriding))
        .containsEntry("agentic.kafka.partitions", "2");
  }

  @Test
  void servicesWithoutTheirOwnDatabaseNameGetOneAsALastResort() {
    assertThat(ServiceProperties.fallbacks(AgenticService.ANALYTICS))
        .containsEntry("spring.mongodb.database", "agentic-analytics");
  }
}
