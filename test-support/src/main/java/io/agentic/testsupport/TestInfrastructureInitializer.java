package io.agentic.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a {@code @SpringBootTest} at {@link TestInfrastructure}: use it with
 * {@code @ContextConfiguration(initializers = TestInfrastructureInitializer.class)}.
 */
public class TestInfrastructureInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource("testInfrastructure", TestInfrastructure.springProperties()));
  }
}
