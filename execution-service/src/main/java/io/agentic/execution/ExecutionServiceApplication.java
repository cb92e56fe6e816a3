package io.agentic.execution;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Executions: the orchestrator, step workers, durable timers, history and live events. */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(ExecutionProperties.class)
public class ExecutionServiceApplication {

  /** The service's name, and the name of its configuration file ({@code execution-service.yml}). */
  public static final String NAME = "execution-service";

  /**
   * The application as both its own {@code main} and local mode start it: its own configuration
   * name and web stack, so several services can share one JVM without their settings colliding.
   */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(ExecutionServiceApplication.class)
        .properties("spring.config.name=" + NAME, "spring.application.name=" + NAME)
        .web(WebApplicationType.SERVLET);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
