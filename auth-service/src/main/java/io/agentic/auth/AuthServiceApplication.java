package io.agentic.auth;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Users, tokens, API keys and roles. Signs access tokens and publishes the JWKS. */
@SpringBootApplication
@EnableConfigurationProperties(AuthProperties.class)
public class AuthServiceApplication {

  /** The service's name, and the name of its configuration file ({@code auth-service.yml}). */
  public static final String NAME = "auth-service";

  /**
   * The application as both its own {@code main} and local mode start it: its own configuration
   * name and web stack, so several services can share one JVM without their settings colliding.
   */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(AuthServiceApplication.class)
        .properties("spring.config.name=" + NAME, "spring.application.name=" + NAME)
        .web(WebApplicationType.SERVLET);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
