package io.agentic.platform.kafka;

import io.agentic.contracts.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record as the contract type its topic carries (see {@link Topics}), so producers outside
 * the suite need no type headers. Wrapped in an {@code ErrorHandlingDeserializer}, a record that
 * fails here goes to the dead-letter topic instead of stalling the consumer.
 */
public class ContractDeserializer implements Deserializer<Object> {

  @Override
  public Object deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    Class<?> type =
        Topics.messageType(topic)
            .orElseThrow(() -> new SerializationException("No contract for topic " + topic));
    try {
      return ContractJson.mapper().readValue(data, type);
    } catch (RuntimeException e) {
      throw new SerializationException("Unreadable " + type.getSimpleName() + " on " + topic, e);
    }
  }
}
