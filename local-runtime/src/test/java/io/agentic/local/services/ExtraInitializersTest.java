package io.agentic.local.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

class ExtraInitializersTest {

  /** Marks the context it initializes, so the test can see it ran. */
  public static class Marker
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context.getBeanFactory().registerSingleton("marked", "yes");
    }
  }

  @Test
  void appliesEveryInitializerNamedInTheProperty() {
    // given a context whose environment names the marker
    GenericApplicationContext context =
        contextWith(Map.of(ExtraInitializers.PROPERTY, " " + Marker.class.getName() + " ,"));

    // when
    new ExtraInitializers().initialize(context);

    // then
    assertThat(context.getBeanFactory().getSingleton("marked")).isEqualTo("yes");
  }

  @Test
  void doesNothingWithoutTheProperty() {
    GenericApplicationContext context = contextWith(Map.of());

    new ExtraInitializers().initialize(context);

    assertThat(context.getBeanFactory().getSingletonNames()).doesNotContain("marked");
  }

  @Test
  void refusesAClassThatIsNotAnInitializer() {
    GenericApplicationContext context =
        contextWith(Map.of(ExtraInitializers.PROPERTY, String.class.getName()));

    assertThatThrownBy(() -> new ExtraInitializers().initialize(context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String");
  }

  private static GenericApplicationContext contextWith(Map<String, Object> properties) {
    GenericApplicationContext context = new GenericApplicationContext();
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("test", properties));
    return context;
  }
}
