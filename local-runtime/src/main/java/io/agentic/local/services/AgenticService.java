package io.agentic.local.services;

import io.agentic.airouter.AiRouterServiceApplication;
import io.agentic.analytics.AnalyticsServiceApplication;
import io.agentic.auth.AuthServiceApplication;
import io.agentic.execution.ExecutionServiceApplication;
import io.agentic.gateway.GatewayServiceApplication;
import io.agentic.workflow.WorkflowServiceApplication;
import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The six services local mode runs, with the port each listens on unless told otherwise. */
public enum AgenticService {
  GATEWAY(GatewayServiceApplication.NAME, "PORT", 8080, GatewayServiceApplication::builder),
  AUTH(AuthServiceApplication.NAME, "AUTH_SERVICE_PORT", 8081, AuthServiceApplication::builder),
  WORKFLOW(
      WorkflowServiceApplication.NAME,
      "WORKFLOW_SERVICE_PORT",
      8082,
      WorkflowServiceApplication::builder),
  EXECUTION(
      ExecutionServiceApplication.NAME,
      "EXECUTION_SERVICE_PORT",
      8083,
      ExecutionServiceApplication::builder),
  AI_ROUTER(
      AiRouterServiceApplication.NAME,
      "AI_ROUTER_SERVICE_PORT",
      8084,
      AiRouterServiceApplication::builder),
  ANALYTICS(
      AnalyticsServiceApplication.NAME,
      "ANALYTICS_SERVICE_PORT",
      8085,
      AnalyticsServiceApplication::builder);

  private final String serviceName;
  private final String portVariable;
  private final int defaultPort;
  private final Supplier<SpringApplicationBuilder> builder;

  AgenticService(
      String serviceName,
      String portVariable,
      int defaultPort,
      Supplier<SpringApplicationBuilder> builder) {
    this.serviceName = serviceName;
    this.portVariable = portVariable;
    this.defaultPort = defaultPort;
    this.builder = builder;
  }

  /** The service's name, e.g. {@code auth-service}: its config file, Kafka group and log name. */
  public String serviceName() {
    return serviceName;
  }

  /** The environment variable that sets its port. */
  public String portVariable() {
    return portVariable;
  }

  public int defaultPort() {
    return defaultPort;
  }

  /** A fresh application builder with the service's own configuration name and web stack. */
  public SpringApplicationBuilder newBuilder() {
    return builder.get();
  }

  public boolean isGateway() {
    return this == GATEWAY;
  }

  public static AgenticService named(String serviceName) {
    return Arrays.stream(values())
        .filter(s -> s.serviceName.equals(serviceName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no service named " + serviceName));
  }
}
