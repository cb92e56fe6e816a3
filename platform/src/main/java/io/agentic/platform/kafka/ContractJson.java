package io.agentic.platform.kafka;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapping of Kafka messages: ISO timestamps, unknown fields ignored by readers. */
public final class ContractJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private ContractJson() {}

  public static JsonMapper mapper() {
    return MAPPER;
  }
}
