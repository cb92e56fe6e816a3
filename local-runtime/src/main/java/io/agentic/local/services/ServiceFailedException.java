package io.agentic.local.services;

import java.util.Objects;
import org.springframework.boot.web.server.PortInUseException;

/** A service that could not start, or did not become healthy, with the reason in one line. */
public final class ServiceFailedException extends RuntimeException {

  private static final int MAX_REASON = 200;

  private final AgenticService service;

  ServiceFailedException(AgenticService service, String reason, Throwable cause) {
    super(service.serviceName() + " " + reason, cause);
    this.service = service;
  }

  static ServiceFailedException failedToStart(AgenticService service, Throwable cause) {
    return new ServiceFailedException(service, "failed to start: " + reasonOf(cause), cause);
  }

  public AgenticService service() {
    return service;
  }

  /**
   * The most telling message in a start-up failure: Boot's port-in-use message when that is the
   * problem (clearer than the socket's "Address already in use"), else the innermost cause's.
   */
  static String reasonOf(Throwable failure) {
    Throwable innermost = failure;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PortInUseException) {
        return t.getMessage();
      }
      innermost = t;
    }
    String message = innermost.getMessage();
    String type = innermost.getClass().getSimpleName();
    return oneLine(Objects.requireNonNullElse(message, type));
  }

  /**
   * The first line, cut to a readable length: the full failure (with Boot's analysis) is already in
   * the log above the summary.
   */
  static String oneLine(String message) {
    String line = message.lines().findFirst().orElse("").strip();
    return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON - 1) + "…";
  }
}
