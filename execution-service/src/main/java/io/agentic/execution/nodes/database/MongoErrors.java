package io.agentic.execution.nodes.database;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import com.mongodb.MongoWriteException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Driver failures as {@code DATABASE_ERROR}s: retryable when the server was slow or out of reach
 * (the next attempt may succeed), not when it refused the command. Messages name the kind of
 * failure only: the driver's own text can show hosts, namespaces and credentials' user names.
 */
final class MongoErrors {

  private MongoErrors() {}

  static DatabaseFailure of(RuntimeException e) {
    MongoException mongo = mongoCause(e);
    if (mongo instanceof MongoExecutionTimeoutException
        || (mongo != null && mongo.getCode() == 50)) {
      return failure("the database operation took longer than allowed", true);
    }
    if (mongo instanceof MongoTimeoutException || mongo instanceof MongoSocketException) {
      return failure("the database could not be reached", true);
    }
    if (mongo instanceof MongoNotPrimaryException
        || mongo instanceof MongoNodeIsRecoveringException
        || mongo instanceof MongoWriteConcernException
        || (mongo != null && mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL))
        || (mongo != null && mongo.hasErrorLabel("RetryableWriteError"))) {
      return failure("the database is temporarily unavailable", true);
    }
    if (mongo instanceof MongoWriteException write
        && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
      return failure("a document with this _id already exists", false);
    }
    if (mongo instanceof MongoCommandException command && command.getErrorCode() == 13) {
      return failure("the database refused access to the collection", false);
    }
    if (mongo == null && e instanceof TransientDataAccessException
        || mongo == null && e instanceof DataAccessResourceFailureException) {
      return failure("the database is temporarily unavailable", true);
    }
    if (mongo != null || e instanceof DataAccessException) {
      return failure("the database refused the operation" + codeOf(mongo), false);
    }
    return null;
  }

  /** The server's error code and name are safe to show and say what was wrong. */
  private static String codeOf(MongoException mongo) {
    if (mongo instanceof MongoCommandException command && !command.getErrorCodeName().isBlank()) {
      return " (" + command.getErrorCodeName() + ")";
    }
    if (mongo instanceof MongoWriteException write) {
      return " (error " + write.getError().getCode() + ")";
    }
    return mongo != null && mongo.getCode() > 0 ? " (error " + mongo.getCode() + ")" : "";
  }

  static boolean isDuplicateKey(RuntimeException e) {
    return mongoCause(e) instanceof MongoWriteException write
        && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }

  private static MongoException mongoCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MongoException mongo) {
        return mongo;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static DatabaseFailure failure(String message, boolean retryable) {
    return new DatabaseFailure(DatabaseFailure.ERROR, message, retryable);
  }
}
