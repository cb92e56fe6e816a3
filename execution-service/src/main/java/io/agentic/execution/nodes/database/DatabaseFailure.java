package io.agentic.execution.nodes.database;

import io.agentic.contracts.execution.StepError;

/** Ends an attempt with a {@link StepError}; caught in {@link DatabaseStep#execute} only. */
final class DatabaseFailure extends RuntimeException {

  /** The node's data has the wrong shape (unknown operation, bad collection name, bad limit…). */
  static final String INVALID = "DATABASE_INVALID";

  /** A filter, update or document uses an operator outside the allow-list; nothing ran. */
  static final String OPERATOR_REFUSED = "DATABASE_OPERATOR_REFUSED";

  /** The document to insert is larger than allowed. */
  static final String DOCUMENT_TOO_LARGE = "DOCUMENT_TOO_LARGE";

  /** The documents found add up to more than a node may return. */
  static final String RESULT_TOO_LARGE = "RESULT_TOO_LARGE";

  /** The database refused or failed the operation. */
  static final String ERROR = "DATABASE_ERROR";

  private final transient StepError error;

  DatabaseFailure(String code, String message, boolean retryable) {
    super(message, null, false, false);
    this.error = new StepError(code, message, retryable);
  }

  static DatabaseFailure invalid(String message) {
    return new DatabaseFailure(INVALID, message, false);
  }

  static DatabaseFailure refused(String operator, String where) {
    return new DatabaseFailure(
        OPERATOR_REFUSED, "operator " + operator + " is not allowed in " + where, false);
  }

  StepError error() {
    return error;
  }
}
