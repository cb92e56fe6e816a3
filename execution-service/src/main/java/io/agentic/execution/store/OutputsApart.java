package io.agentic.execution.store;

import io.agentic.execution.engine.ExecutionState;
import io.agentic.execution.engine.NodeOutputRef;
import io.agentic.execution.engine.NodeState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the node outputs larger than the inline limit off a state (they are replaced by {@code
 * {outputRef, sizeBytes}}, in {@code nodeResults} and in {@code outputs}), and puts them back. The
 * engine measured each output when its node finished ({@link NodeState#outputBytes()}).
 */
final class OutputsApart {

  /** A state ready to store, and the outputs to store apart from it. */
  record Split(ExecutionState state, List<StoredOutput> apart, Map<String, Object> values) {}

  private OutputsApart() {}

  static Split split(ExecutionState state, long limit) {
    List<StoredOutput> apart = new ArrayList<>();
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, NodeState> results = new LinkedHashMap<>(state.nodeResults());
    Map<String, Object> outputs = new LinkedHashMap<>(state.outputs());
    state
        .nodeResults()
        .forEach(
            (nodeId, node) -> {
              if (node.output() == null
                  || node.outputBytes() == null
                  || node.outputBytes() <= limit) {
                return;
              }
              String key = state.id() + ":" + nodeId + ":" + node.attempts();
              Map<String, Object> ref = NodeOutputRef.of(state.id(), nodeId, node.outputBytes());
              apart.add(new StoredOutput(nodeId, key, node.outputBytes()));
              values.put(key, node.output());
              results.put(nodeId, node.withOutput(ref));
              if (outputs.containsKey(nodeId)) {
                outputs.put(nodeId, ref);
              }
            });
    if (apart.isEmpty()) {
      return new Split(state, List.of(), Map.of());
    }
    return new Split(state.withResults(results, outputs), apart, values);
  }

  /** The stored state with the outputs stored apart put back; {@code values} by key. */
  static ExecutionState join(
      ExecutionState stored, List<StoredOutput> apart, Map<String, Object> values) {
    if (apart.isEmpty()) {
      return stored;
    }
    Map<String, NodeState> results = new LinkedHashMap<>(stored.nodeResults());
    Map<String, Object> outputs = new LinkedHashMap<>(stored.outputs());
    for (StoredOutput o : apart) {
      NodeState node = results.get(o.nodeId());
      if (node == null || !values.containsKey(o.key())) {
        continue;
      }
      Object value = values.get(o.key());
      results.put(o.nodeId(), node.withOutput(value));
      if (outputs.containsKey(o.nodeId())) {
        outputs.put(o.nodeId(), value);
      }
    }
    return stored.withResults(results, outputs);
  }
}
