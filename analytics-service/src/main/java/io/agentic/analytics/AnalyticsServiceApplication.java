package io.agentic.analytics;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Dashboard figures computed by Kafka Streams from the suite's event streams. */
@SpringBootApplication
public class AnalyticsServiceApplication {

  /** The service's name, and the name of its configuration file ({@code analytics-service.yml}). */
  public static final String NAME = "analytics-service";

  /**
   * The application as both its own {@code main} and local mode start it: its own configuration
   * name and web stack, so several services can share one JVM without their settings colliding.
   */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(AnalyticsServiceApplication.class)
        .properties("spring.config.name=" + NAME, "spring.application.name=" + NAME)
        .web(WebApplicationType.SERVLET);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
