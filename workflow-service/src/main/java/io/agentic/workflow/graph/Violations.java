package io.agentic.workflow.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects violations in the order they are found. The list is capped so that a huge broken body
 * cannot produce a huge answer; the last entry then says how many were left out.
 */
final class Violations {

  static final int MAX_REPORTED = 100;

  private final List<Violation> found = new ArrayList<>();
  private int dropped;

  void add(String field, String message) {
    record(new Violation(field, message, false));
  }

  void addExpression(String field, String message) {
    record(new Violation(field, message, true));
  }

  private void record(Violation violation) {
    if (found.size() < MAX_REPORTED) {
      found.add(violation);
    } else {
      dropped++;
    }
  }

  List<Violation> list() {
    if (dropped == 0) {
      return List.copyOf(found);
    }
    List<Violation> all = new ArrayList<>(found);
    all.add(new Violation("", "and " + dropped + " more problems", false));
    return List.copyOf(all);
  }
}
