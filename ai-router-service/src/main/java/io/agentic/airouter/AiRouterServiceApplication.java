package io.agentic.airouter;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** AI steps: routes each task type to a provider, with fallback, quotas and cost. */
@SpringBootApplication
public class AiRouterServiceApplication {

  /** The service's name, and the name of its configuration file ({@code ai-router-service.yml}). */
  public static final String NAME = "ai-router-service";

  /**
   * The application as both its own {@code main} and local mode start it: its own configuration
   * name and web stack, so several services can share one JVM without their settings colliding.
   */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(AiRouterServiceApplication.class)
        .properties("spring.config.name=" + NAME, "spring.application.name=" + NAME)
        .web(WebApplicationType.SERVLET);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
