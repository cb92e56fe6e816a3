package io.agentic.airouter.router;

/** A node's data that cannot be an AI request; the message names the field. */
public final class InvalidTaskException extends RuntimeException {

  public InvalidTaskException(String message) {
    super(message, null, false, false);
  }
}
