package io.agentic.workflow;

import io.agentic.workflow.graph.Fixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies made from the JSON fixtures. */
public final class WorkflowBodies {

  private WorkflowBodies() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Object> fixture(String name) {
    return new LinkedHashMap<>(Api.JSON.readValue(Fixtures.json(name), Map.class));
  }

  public static Map<String, Object> minimal(String name) {
    Map<String, Object> body = fixture("minimal");
    body.put("name", name);
    return body;
  }

  public static Map<String, Object> minimal(
      String name, String description, List<String> tags, String status) {
    Map<String, Object> body = minimal(name);
    body.put("description", description);
    body.put("tags", tags);
    if (status != null) {
      body.put("status", status);
    }
    return body;
  }
}
