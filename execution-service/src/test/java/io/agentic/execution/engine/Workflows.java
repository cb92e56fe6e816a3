package io.agentic.execution.engine;

import io.agentic.contracts.workflow.WorkflowEdge;
import io.agentic.contracts.workflow.WorkflowNode;
import io.agentic.platform.kafka.ContractJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Workflow fixtures under {@code src/test/resources/workflows/}, loaded by name. */
public final class Workflows {

  /** A fixture: the graph of a saved workflow version. */
  public record Fixture(List<WorkflowNode> nodes, List<WorkflowEdge> edges) {}

  private Workflows() {}

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
