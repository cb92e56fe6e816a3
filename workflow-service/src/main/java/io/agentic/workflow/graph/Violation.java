package io.agentic.workflow.graph;

import io.agentic.platform.problem.FieldProblem;

/**
 * One broken rule.
 *
 * @param field where: a JSON path into the workflow such as {@code nodes[2].data.url}
 * @param message what is wrong, naming the node when there is one
 * @param expression whether the problem is a CEL expression or template that does not compile
 */
public record Violation(String field, String message, boolean expression) {

  public FieldProblem toFieldProblem() {
    return new FieldProblem(field, message);
  }
}
