package io.agentic.workflow.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.json.JsonMapper;

/** Workflow fixtures under {@code src/test/resources/workflows/}, loaded by name. */
public final class Fixtures {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Fixtures() {}

  /** The fixture's raw JSON. */
  public static String json(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/workflows/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static WorkflowDraft draft(String name) {
    return parse(json(name));
  }

  public static WorkflowDraft parse(String json) {
    return JSON.readValue(json, WorkflowDraft.class);
  }
}
