package io.agentic.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Settings every service shares (virtual threads, actuator exposure, Kafka reliability, the
 * environment variables operators set), added with the lowest precedence so that a service's own
 * file, the environment and the command line all override them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

  static final String RESOURCE = "agentic-defaults.properties";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    try {
      for (PropertySource<?> source :
          new PropertiesPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE))) {
        environment.getPropertySources().addLast(source);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
