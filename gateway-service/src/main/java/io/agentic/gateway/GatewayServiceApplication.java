package io.agentic.gateway;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The edge: routes every public path to its service, checks tokens, limits abuse. */
@SpringBootApplication
@EnableConfigurationProperties(GatewayServiceProperties.class)
public class GatewayServiceApplication {

  /** The service's name, and the name of its configuration file ({@code gateway-service.yml}). */
  public static final String NAME = "gateway-service";

  /**
   * The application as both its own {@code main} and local mode start it: its own configuration
   * name and web stack, so several services can share one JVM without their settings colliding.
   */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(GatewayServiceApplication.class)
        .properties("spring.config.name=" + NAME, "spring.application.name=" + NAME)
        .web(WebApplicationType.REACTIVE);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
