package io.agentic.analytics.topology;

import io.agentic.platform.kafka.ContractDeserializer;
import io.agentic.platform.kafka.ContractSerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** The suite's records as the platform writes them: JSON, the type chosen by the topic's name. */
public final class ContractSerdes {

  private ContractSerdes() {}

  @SuppressWarnings("unchecked")
  public static <T> Serde<T> of(Class<T> type) {
    Serializer<T> serializer = (Serializer<T>) (Serializer<?>) new ContractSerializer();
    ContractDeserializer contracts = new ContractDeserializer();
    Deserializer<T> deserializer = (topic, bytes) -> type.cast(contracts.deserialize(topic, bytes));
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
