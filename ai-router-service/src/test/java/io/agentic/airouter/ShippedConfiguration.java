package io.agentic.airouter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The shipped {@code ai-router-service.yml}, bound as the service binds it. */
public final class ShippedConfiguration {

  private ShippedConfiguration() {}

  /**
   * @param environment variables (e.g. {@code GEMINI_API_KEY}) and properties that override the
   *     file, as the environment does
   */
  public static AiRouterProperties bind(Map<String, Object> environment) {
    List<PropertySource<?>> sources = new ArrayList<>();
    sources.add(new MapPropertySource("environment", environment));
    try {
      sources.addAll(
          new YamlPropertySourceLoader()
              .load("ai-router-service", new ClassPathResource("ai-router-service.yml")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Binder binder =
        new Binder(
            ConfigurationPropertySources.from(sources),
            new PropertySourcesPlaceholdersResolver(sources));
    return binder.bind("agentic.ai", AiRouterProperties.class).get();
  }
}
