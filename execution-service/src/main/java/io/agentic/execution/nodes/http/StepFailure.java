package io.agentic.execution.nodes.http;

import io.agentic.contracts.execution.StepError;

/** Ends an attempt with a {@link StepError}; caught in {@link HttpRequestStep#execute} only. */
final class StepFailure extends RuntimeException {

  static final String INVALID_REQUEST = "INVALID_REQUEST";
  static final String HTTP_STATUS = "HTTP_STATUS";
  static final String TIMEOUT = "TIMEOUT";
  static final String CONNECTION_FAILED = "CONNECTION_FAILED";
  static final String RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE";
  static final String TOO_MANY_REDIRECTS = "TOO_MANY_REDIRECTS";

  private final transient StepError error;

  StepFailure(String code, String message, boolean retryable) {
    super(message, null, false, false);
    this.error = new StepError(code, message, retryable);
  }

  static StepFailure of(OutboundRefusedException refused) {
    return new StepFailure(refused.code(), refused.getMessage(), false);
  }

  static StepFailure invalidRequest(String message) {
    return new StepFailure(INVALID_REQUEST, message, false);
  }

  StepError error() {
    return error;
  }
}
