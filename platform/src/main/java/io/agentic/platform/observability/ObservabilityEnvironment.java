package io.agentic.platform.observability;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertyResolver;

/**
 * Turns the variables operators know into Boot's settings, before logging starts.
 *
 * <ul>
 *   <li>{@code AGENTIC_LOG_FORMAT}: {@code json} (or {@code ecs}) writes console logs as Elastic
 *       Common Schema JSON, {@code logstash} and {@code gelf} pick those formats, anything else (or
 *       unset) keeps readable text.
 *   <li>{@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, else {@code OTEL_EXPORTER_OTLP_ENDPOINT} plus
 *       {@code /v1/traces} (as the OpenTelemetry specification defines them): where spans go over
 *       OTLP/HTTP. Unset: no exporter exists, so nothing connects anywhere and nothing is logged.
 * </ul>
 *
 * Boot's own properties, when set, win over both.
 */
public class ObservabilityEnvironment implements EnvironmentPostProcessor {

  static final String LOG_FORMAT = "agentic.log-format";
  static final String CONSOLE_FORMAT = "logging.structured.format.console";
  static final String OTLP_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
  static final String OTEL_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
  static final String OTEL_TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> derived = derive(environment);
    if (!derived.isEmpty()) {
      environment
          .getPropertySources()
          .addLast(new MapPropertySource("agenticObservability", derived));
    }
  }

  /** The settings implied by the operator's variables, leaving alone what is set already. */
  static Map<String, Object> derive(PropertyResolver env) {
    Map<String, Object> derived = new LinkedHashMap<>();
    String format = consoleFormat(env.getProperty(LOG_FORMAT));
    if (format != null && !env.containsProperty(CONSOLE_FORMAT)) {
      derived.put(CONSOLE_FORMAT, format);
    }
    String endpoint =
        tracesEndpoint(env.getProperty(OTEL_TRACES_ENDPOINT), env.getProperty(OTEL_ENDPOINT));
    if (endpoint != null && !hasText(env.getProperty(OTLP_ENDPOINT))) {
      derived.put(OTLP_ENDPOINT, endpoint);
    }
    return derived;
  }

  /** Boot's structured format for the value of {@code AGENTIC_LOG_FORMAT}, null for plain text. */
  static String consoleFormat(String requested) {
    if (!hasText(requested)) {
      return null;
    }
    return switch (requested.trim().toLowerCase(Locale.ROOT)) {
      case "json", "ecs" -> "ecs";
      case "logstash" -> "logstash";
      case "gelf" -> "gelf";
      default -> null;
    };
  }

  static String tracesEndpoint(String tracesEndpoint, String baseEndpoint) {
    if (hasText(tracesEndpoint)) {
      return tracesEndpoint.trim();
    }
    if (hasText(baseEndpoint)) {
      String base = baseEndpoint.trim();
      return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/traces";
    }
    return null;
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
