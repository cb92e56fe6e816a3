package io.agentic.workflow.graph;

/** A template whose {@code {{ }}} braces do not pair up; the message says where. */
public class TemplateSyntaxException extends RuntimeException {

  public TemplateSyntaxException(String message) {
    super(message, null, false, false);
  }
}
