package io.agentic.local.services;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps another service's stack out of a context. In local mode the six services share one
 * classpath, so each context would otherwise see every auto-configuration the others brought
 * (Spring Cloud Gateway in the servlet services, Tomcat's reactive server in the gateway), and some
 * of them are not conditional on the application type. A context lists the package prefixes it does
 * not want in {@value #PROPERTY}; without that property (a service running alone) this filter lets
 * everything through.
 */
public final class ForeignAutoConfigurationFilter
    implements AutoConfigurationImportFilter, EnvironmentAware {

  static final String PROPERTY = "agentic.local.excluded-auto-configuration-packages";

  private List<String> excludedPrefixes = List.of();

  @Override
  public void setEnvironment(Environment environment) {
    String[] prefixes = environment.getProperty(PROPERTY, String[].class, new String[0]);
    excludedPrefixes =
        List.of(prefixes).stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
  }

  @Override
  public boolean[] match(String[] candidates, AutoConfigurationMetadata metadata) {
    boolean[] matches = new boolean[candidates.length];
    for (int i = 0; i < candidates.length; i++) {
      String candidate = candidates[i];
      matches[i] = candidate == null || excludedPrefixes.stream().noneMatch(candidate::startsWith);
    }
    return matches;
  }
}
