package io.agentic.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ForeignAutoConfigurationFilterTest {

  private static final String[] CANDIDATES = {
    "org.springframework.cloud.gateway.config.GatewayAutoConfiguration",
    "org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration",
    "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
    null
  };

  @Test
  void dropsAutoConfigurationsUnderTheListedPackages() {
    // given
    ForeignAutoConfigurationFilter filter = new ForeignAutoConfigurationFilter();
    filter.setEnvironment(
        new MockEnvironment()
            .withProperty(
                ForeignAutoConfigurationFilter.PROPERTY,
                "org.springframework.cloud.gateway., org.springframework.boot.tomcat."));

    // when
    boolean[] matches = filter.match(CANDIDATES, null);

    // then
    assertThat(matches).containsExactly(false, false, true, true);
  }

  @Test
  void letsEverythingThroughWhenAServiceRunsAlone() {
    // given
    ForeignAutoConfigurationFilter filter = new ForeignAutoConfigurationFilter();
    filter.setEnvironment(new MockEnvironment());

    // when
    boolean[] matches = filter.match(CANDIDATES, null);

    // then
    assertThat(matches).containsExactly(true, true, true, true);
  }
}
