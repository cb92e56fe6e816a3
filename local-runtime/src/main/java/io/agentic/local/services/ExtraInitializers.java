package io.agentic.local.services;

import org.springframework.beans.BeanUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Applies the {@link ApplicationContextInitializer}s named in {@value #PROPERTY} (class names,
 * comma-separated, each with a public no-argument constructor) to a service's context. Boot 4 no
 * longer reads {@code context.initializer.classes}; this lets a test give every service of a local
 * mode the same initializer (an in-memory span collector, say) through {@code
 * LocalSettings.withInitializers}. Without the property (a service running alone) it does nothing.
 */
public final class ExtraInitializers
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String PROPERTY = "agentic.local.context-initializers";

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void initialize(ConfigurableApplicationContext context) {
    String[] names = context.getEnvironment().getProperty(PROPERTY, String[].class, new String[0]);
    for (String name : names) {
      if (name.isBlank()) {
        continue;
      }
      Class<?> type = ClassUtils.resolveClassName(name.trim(), context.getClassLoader());
      if (!ApplicationContextInitializer.class.isAssignableFrom(type)) {
        throw new IllegalArgumentException(name + " is not an ApplicationContextInitializer");
      }
      ((ApplicationContextInitializer) BeanUtils.instantiateClass(type)).initialize(context);
    }
  }
}
