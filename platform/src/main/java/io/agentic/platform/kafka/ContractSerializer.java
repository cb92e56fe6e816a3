package io.agentic.platform.kafka;

import org.apache.kafka.common.serialization.Serializer;

/** Writes contract records as JSON. Raw bytes (a dead letter's original value) pass unchanged. */
public class ContractSerializer implements Serializer<Object> {

  @Override
  public byte[] serialize(String topic, Object data) {
    if (data == null) {
      return null;
    }
    if (data instanceof byte[] raw) {
      return raw;
    }
    return ContractJson.mapper().writeValueAsBytes(data);
  }
}
