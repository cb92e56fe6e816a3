package io.agentic.analytics.topology;

import io.agentic.platform.kafka.ContractJson;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * JSON for the topology's own records (facts, aggregates, dashboard entries), with the suite's one
 * mapping: readers ignore fields they do not know, so a newer instance's aggregates stay readable.
 */
public final class JsonSerde {

  private JsonSerde() {}

  public static <T> Serde<T> of(Class<T> type) {
    ObjectWriter writer = ContractJson.mapper().writerFor(type);
    ObjectReader reader = ContractJson.mapper().readerFor(type);
    return Serdes.serdeFrom(
        (topic, value) -> value == null ? null : writer.writeValueAsBytes(value),
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          try {
            return reader.readValue(bytes);
          } catch (JacksonException e) {
            throw new SerializationException("Unreadable " + type.getSimpleName(), e);
          }
        });
  }
}
