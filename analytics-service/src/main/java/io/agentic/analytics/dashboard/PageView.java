package io.agentic.analytics.dashboard;

import io.agentic.platform.problem.ApiException;
import io.agentic.platform.problem.FieldProblem;
import java.util.ArrayList;
import java.util.List;

/** A page of a list: {@code {items, page, size, total}}. */
record PageView<T>(List<T> items, int page, int size, long total) {

  static final int MAX_SIZE = 100;

  static <T> PageView<T> of(List<T> all, int page, int size) {
    checkPaging(page, size);
    int from = (int) Math.min((long) page * size, all.size());
    int to = Math.min(from + size, all.size());
    return new PageView<>(List.copyOf(all.subList(from, to)), page, size, all.size());
  }

  /** Rejects a page below 0 or a size outside 1..100 with one 400 naming both. */
  static void checkPaging(int page, int size) {
    List<FieldProblem> errors = new ArrayList<>();
    if (page < 0) {
      errors.add(new FieldProblem("page", "must be 0 or more"));
    }
    if (size < 1 || size > MAX_SIZE) {
      errors.add(new FieldProblem("size", "must be between 1 and " + MAX_SIZE));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid("VALIDATION_FAILED", "The paging parameters are invalid", errors);
    }
  }
}
