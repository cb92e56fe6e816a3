package io.agentic.local.services;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration local mode gives each service on top of its own file: where the infrastructure
 * and the other services are. Passed as command-line properties, so they win over the service's
 * file, as an operator's environment would.
 */
final class ServiceProperties {
  private ServiceProperties() {}

  static Map<String, String> of(AgenticService service, ServicePlan plan) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("server.port", Integer.toString(plan.port(service)));
    p.put("spring.kafka.bootstrap-servers", plan.kafkaBootstrapServers());
    p.put("spring.mongodb.uri", plan.mongoUri());
    p.put("spring.data.redis.url", plan.redisUrl());
    p.put("agentic.kafka.partitions", Integer.toString(plan.kafkaPartitions()));
    p.put("agentic.security.jwks-uri", plan.url(AgenticService.AUTH) + "/.well-known/jwks.json");
    // Local mode closes every context itself, in order (gateway, services, infrastructure).
    p.put("logging.register-shutdown-hook", "false");
    p.put("spring.main.log-startup-info", "false");
    p.put("management.health.mongodb.enabled", "false");
    p.put(LocalMongoHealthAutoConfiguration.PROPERTY, "true");
    p.put(ForeignAutoConfigurationFilter.PROPERTY, String.join(",", foreignPackages(service)));
    switch (service) {
      case GATEWAY -> gateway(p, plan);
      case AUTH ->
          p.put(
              "agentic.auth.signing-key-file",
              plan.dataDir().resolve("auth").resolve("signing-key.json").toString());
      case EXECUTION ->
          p.put("agentic.execution.workflow-service-url", plan.url(AgenticService.WORKFLOW));
      case ANALYTICS -> analytics(p, plan);
      default -> {}
    }
    p.putAll(plan.properties());
    return p;
  }

  /**
   * Auto-configurations of the other services' stacks that would otherwise activate here: Spring
   * Cloud Gateway's (not all conditional on a reactive application) in the servlet services;
   * Tomcat's reactive server in the gateway, which must run on Netty; Spring AI's outside
   * ai-router-service (its models want keys only ai-router-service is given).
   */
  static final String REACTIVE_HTTP_CLIENT =
      "org.springframework.boot.http.client.autoconfigure.reactive.";

  static List<String> foreignPackages(AgenticService service) {
    List<String> packages = new ArrayList<>();
    if (service.isGateway()) {
      packages.add("org.springframework.boot.tomcat.");
    } else {
      packages.add("org.springframework.cloud.gateway.");
    }
    if (service != AgenticService.AI_ROUTER) {
      packages.add("org.springframework.ai.");
    }
    if (!service.isGateway()) {
      // Its ReactorResourceFactory uses Reactor Netty's global resources and disposes them when
      // the context closes: restarting or closing one service would stop the gateway's client.
      // Only the gateway uses a reactive HTTP client, and it keeps resources of its own.
      packages.add(REACTIVE_HTTP_CLIENT);
    }
    return packages;
  }

  /**
   * Lowest-precedence fallbacks for what the shared classpath switches on in a service whose own
   * module lacks it: MongoDB's auto-configuration needs a database name, which only the services
   * that use MongoDB set in their file.
   */
  static Map<String, Object> fallbacks(AgenticService service) {
    return Map.of(
        "spring.mongodb.database", "agentic-" + service.serviceName().replace("-service", ""));
  }

  private static void analytics(Map<String, String> p, ServicePlan plan) {
    p.put(
        "spring.kafka.streams.state-dir",
        plan.dataDir().resolve("analytics").resolve("streams").toString());
    // the dashboard's health page asks every service, by short name
    for (AgenticService service : AgenticService.values()) {
      p.put(
          "agentic.analytics.service-urls." + service.serviceName().replace("-service", ""),
          plan.url(service));
    }
  }

  private static void gateway(Map<String, String> p, ServicePlan plan) {
    p.put("agentic.gateway.services.auth", plan.url(AgenticService.AUTH));
    p.put("agentic.gateway.services.workflow", plan.url(AgenticService.WORKFLOW));
    p.put("agentic.gateway.services.execution", plan.url(AgenticService.EXECUTION));
    p.put("agentic.gateway.services.ai-router", plan.url(AgenticService.AI_ROUTER));
    p.put("agentic.gateway.services.analytics", plan.url(AgenticService.ANALYTICS));
  }
}
