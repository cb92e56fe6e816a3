package io.agentic.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The settings as operators give them: environment variables, relaxed binding. */
class WorkflowPropertiesTest {

  @Test
  void theReadCacheIsOnForTenMinutesByDefault() {
    WorkflowProperties properties = bind(Map.of());

    assertThat(properties.cache().enabled()).isTrue();
    assertThat(properties.cache().ttl()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void anEnvironmentVariableSwitchesTheReadCacheOff() {
    WorkflowProperties properties =
        bind(Map.of("AGENTIC_WORKFLOW_CACHE_ENABLED", "false", "AGENTIC_WORKFLOW_CACHE_TTL", "1m"));

    assertThat(properties.cache().enabled()).isFalse();
    assertThat(properties.cache().ttl()).isEqualTo(Duration.ofMinutes(1));
  }

  private static WorkflowProperties bind(Map<String, Object> environment) {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    env.getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
    return new Binder(ConfigurationPropertySources.get(env))
        .bindOrCreate("agentic.workflow", WorkflowProperties.class);
  }
}
