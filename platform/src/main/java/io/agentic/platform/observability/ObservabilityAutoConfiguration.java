package io.agentic.platform.observability;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** {@link TraceContinuation} wherever tracing is on, servlet services and the gateway alike. */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
      "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
    })
@ConditionalOnClass(Tracer.class)
@ConditionalOnBean({Tracer.class, Propagator.class, ObservationRegistry.class})
public class ObservabilityAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  TraceContinuation traceContinuation(
      Tracer tracer, Propagator propagator, ObservationRegistry observations) {
    return new TraceContinuation(tracer, propagator, observations);
  }
}
