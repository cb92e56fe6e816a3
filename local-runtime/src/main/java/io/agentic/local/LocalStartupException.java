package io.agentic.local;

/**
 * Local mode could not start; the message is one line a newcomer can act on (which piece failed and
 * why). Everything already started has been stopped when this is thrown.
 */
public final class LocalStartupException extends RuntimeException {
  LocalStartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
