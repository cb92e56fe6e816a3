package io.agentic.analytics;

import java.time.Clock;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

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

  /** "Today" and "the last minutes" are UTC, whatever the machine's zone. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
