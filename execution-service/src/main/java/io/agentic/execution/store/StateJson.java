package io.agentic.execution.store;

import io.agentic.execution.engine.ExecutionState;
import io.agentic.platform.kafka.ContractJson;

/**
 * An execution's state as stored: JSON text. Node outputs are arbitrary JSON (HTTP bodies, AI
 * answers) whose keys may hold dots or start with {@code $}, which MongoDB field names may not; as
 * text they are stored exactly as they came.
 */
public final class StateJson {

  private StateJson() {}

  public static String write(Object value) {
    return ContractJson.mapper().writeValueAsString(value);
  }

  public static ExecutionState read(String json) {
    return ContractJson.mapper().readValue(json, ExecutionState.class);
  }

  public static <T> T read(String json, Class<T> type) {
    return ContractJson.mapper().readValue(json, type);
  }
}
