package io.agentic.execution.nodes.database;

import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** JSON text as the maps a resolved node's data is made of. */
final class Json {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(String json) {
    return MAPPER.readValue(json.replace('\'', '"'), Map.class);
  }
}
