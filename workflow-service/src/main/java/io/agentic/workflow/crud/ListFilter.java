package io.agentic.workflow.crud;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The filters of {@code GET /api/workflows}: a tag, a status, and {@code q}, a case-insensitive
 * substring of the name or description (taken literally, at most 100 characters).
 */
record ListFilter(String tag, String status, String q) {

  static final int MAX_Q = 100;

  ListFilter {
    tag = blankToNull(tag);
    status = blankToNull(status);
    q = blankToNull(q);
    if (q != null && q.length() > MAX_Q) {
      q = q.substring(0, MAX_Q);
    }
  }

  /** The query: not deleted, readable by the caller ({@code visibility}, null for all), filters. */
  Criteria criteria(Criteria visibility) {
    List<Criteria> all = new ArrayList<>();
    all.add(Criteria.where("deleted").ne(true));
    if (visibility != null) {
      all.add(visibility);
    }
    if (tag != null) {
      all.add(Criteria.where("tags").is(tag));
    }
    if (status != null) {
      all.add(Criteria.where("status").is(status));
    }
    if (q != null) {
      String literal = Pattern.quote(q);
      all.add(
          new Criteria()
              .orOperator(
                  Criteria.where("name").regex(literal, "i"),
                  Criteria.where("description").regex(literal, "i")));
    }
    return new Criteria().andOperator(all);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
