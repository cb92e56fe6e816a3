package io.agentic.airouter.router;

import io.agentic.airouter.routing.RouteTarget;

/**
 * Hears an answer while a provider streams it. Called on the thread reading the provider, so it
 * must not block (hand the text on, e.g. to a queue): a slow listener would otherwise count against
 * the provider's time limit.
 */
public interface AnswerStream {

  /**
   * A piece of the answer, from the target now answering. Once a piece was handed on, the router no
   * longer falls back: a failure after it ends the answer.
   */
  void delta(RouteTarget from, String text);

  /** Whether the listener went away; the provider's stream is then abandoned. */
  default boolean cancelled() {
    return false;
  }
}
