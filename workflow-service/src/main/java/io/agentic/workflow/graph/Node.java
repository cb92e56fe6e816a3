package io.agentic.workflow.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One node of a workflow graph as clients send and read it. {@code type} and {@code onError} stay
 * strings here so that an unknown value is one more entry in the validation report rather than an
 * unreadable body.
 *
 * @param data the type's settings; absent means {@code {}}
 * @param timeoutMs null for the default node timeout
 * @param onError {@code fail} (default), {@code continue} or {@code branch}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Node(
    String id,
    String type,
    String name,
    Position position,
    Map<String, Object> data,
    Retry retry,
    Long timeoutMs,
    String onError) {

  /** The node with {@code data} never null, as it is stored and answered. */
  public Node normalized() {
    return data != null
        ? this
        : new Node(id, type, name, position, Map.of(), retry, timeoutMs, onError);
  }
}
