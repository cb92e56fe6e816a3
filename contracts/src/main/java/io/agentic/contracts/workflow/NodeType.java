package io.agentic.contracts.workflow;

/** The kinds of node a workflow graph may hold. */
public enum NodeType {
  INPUT,
  AI_PROCESSOR,
  HTTP_REQUEST,
  DATABASE,
  TRANSFORM,
  CONDITION,
  DELAY,
  SUB_WORKFLOW,
  LOOP,
  OUTPUT;

  /** Pure nodes are evaluated by the orchestrator in place; the others are steps or timers. */
  public boolean isPure() {
    return this == INPUT || this == TRANSFORM || this == CONDITION || this == OUTPUT;
  }
}
