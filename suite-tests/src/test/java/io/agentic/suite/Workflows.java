package io.agentic.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Workflow fixtures under {@code src/test/resources/workflows/}, with {@code ${name}} filled in.
 */
final class Workflows {
  private Workflows() {}

  static JsonNode load(String name, Map<String, String> values) {
    String text;
    try (InputStream in = Workflows.class.getResourceAsStream("/workflows/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no workflow fixture named " + name);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("${" + value.getKey() + "}", value.getValue());
    }
    return GatewayClient.JSON.readTree(text);
  }
}
