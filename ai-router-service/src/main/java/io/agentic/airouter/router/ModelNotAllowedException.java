package io.agentic.airouter.router;

/** A node's provider/model override names no configured provider's priced model. */
final class ModelNotAllowedException extends RuntimeException {

  ModelNotAllowedException(String message) {
    super(message, null, false, false);
  }
}
