package io.agentic.execution.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What stands in for a node output too large to show inline (API.md: 256 KiB): where to fetch it,
 * and its size as JSON.
 */
public final class NodeOutputRef {

  private NodeOutputRef() {}

  public static String path(String executionId, String nodeId) {
    return "/api/executions/" + executionId + "/nodes/" + nodeId + "/output";
  }

  public static Map<String, Object> of(String executionId, String nodeId, long sizeBytes) {
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("outputRef", path(executionId, nodeId));
    ref.put("sizeBytes", sizeBytes);
    return ref;
  }
}
