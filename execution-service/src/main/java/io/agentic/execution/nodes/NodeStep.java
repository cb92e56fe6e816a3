package io.agentic.execution.nodes;

/** The work of one I/O node type, run by a step worker. */
public interface NodeStep {
  io.agentic.contracts.workflow.NodeType type();

  /**
   * Runs one attempt. Never throws: a failure is a StepFinished with succeeded=false and a
   * StepError (code, message, retryable).
   */
  io.agentic.contracts.execution.StepFinished execute(
      io.agentic.contracts.execution.ExecuteStep step);
}
