package io.agentic.execution.engine;

import io.agentic.contracts.workflow.WorkflowEdge;
import io.agentic.contracts.workflow.WorkflowNode;
import io.agentic.platform.kafka.ContractJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Workflow fixtures under {@code src/test/resources/workflows/}, loaded by name. */
public final class Workflows {

  /** A fixture: the graph of a saved workflow version. */
  public record Fixture(List<WorkflowNode> nodes, List<WorkflowEdge> edges) {}

  private Workflows() {}

  /** A fixture with each {@code ${placeholder}} in its text replaced (workflow ids, say). */
  public static Fixture load(String name, Map<String, String> replacements) {
    try (InputStream in = Workflows.class.getResourceAsStream("/workflows/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("No workflow fixture " + name);
      }
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> r : replacements.entrySet()) {
        json = json.replace("${" + r.getKey() + "}", r.getValue());
      }
      return ContractJson.mapper().readValue(json, Fixture.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Fixture load(String name) {
    try (InputStream in = Workflows.class.getResourceAsStream("/workflows/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("No workflow fixture " + name);
      }
      return ContractJson.mapper().readValue(in, Fixture.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
