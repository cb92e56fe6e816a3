package io.agentic.expression;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Our own versions of the two extension functions whose one call can build far more than its
 * arguments hold — {@code replace} (quadratic: every match replaced by a long string) and {@code
 * lists.range(n)} (any n) — with the same declarations and behaviour as cel-java's, plus a size
 * check before anything is built. Such a call would otherwise allocate gigabytes before the budget
 * listener, which only runs between calls, could stop it. Pure functions: no I/O, no reflection.
 *
 * <p>They fail with a {@link CelEvaluationException}: for any other exception CEL would first write
 * all the arguments into its error message.
 */
final class BoundedFunctions {

  private BoundedFunctions() {}

  static List<CelFunctionDecl> declarations() {
    return List.of(
        CelFunctionDecl.newFunctionDeclaration(
            "replace",
            CelOverloadDecl.newMemberOverload(
                "string_replace_string_string",
                SimpleType.STRING,
                SimpleType.STRING,
                SimpleType.STRING,
                SimpleType.STRING),
            CelOverloadDecl.newMemberOverload(
                "string_replace_string_string_int",
                SimpleType.STRING,
                SimpleType.STRING,
                SimpleType.STRING,
                SimpleType.STRING,
                SimpleType.INT)),
        CelFunctionDecl.newFunctionDeclaration(
            "lists.range",
            CelOverloadDecl.newGlobalOverload(
                "lists_range", ListType.create(SimpleType.INT), SimpleType.INT)));
  }

  /**
   * @param maxRange longest {@code lists.range(n)}
   * @param maxSize longest string {@code replace} may build
   */
  static List<CelFunctionBinding> bindings(int maxRange, long maxSize) {
    return List.of(
        CelFunctionBinding.from(
            "string_replace_string_string",
            List.of(String.class, String.class, String.class),
            args -> replace((String) args[0], (String) args[1], (String) args[2], -1, maxSize)),
        CelFunctionBinding.from(
            "string_replace_string_string_int",
            List.of(String.class, String.class, String.class, Long.class),
            args ->
                replace(
                    (String) args[0], (String) args[1], (String) args[2], (Long) args[3], maxSize)),
        CelFunctionBinding.from("lists_range", Long.class, n -> range(n, maxRange)));
  }

  /**
   * Replaces the first {@code limit} occurrences of {@code old} (all when negative). An empty
   * {@code old} matches before every code point and at the end, as in CEL's strings extension.
   */
  static String replace(String text, String old, String replacement, long limit, long maxSize)
      throws CelEvaluationException {
    if (old.equals(replacement) || limit == 0) {
      return text;
    }
    long count = occurrences(text, old);
    if (limit > 0) {
      count = Math.min(count, limit);
    }
    if (count == 0) {
      return text;
    }
    long size = text.length() + count * (replacement.length() - old.length());
    if (size > maxSize) {
      throw abort(
          EvaluationAbort.limit(
              "replace() would build a string of "
                  + size
                  + " characters, over the limit of "
                  + maxSize));
    }
    StringBuilder result = new StringBuilder((int) size);
    int start = 0;
    for (long i = 0; i < count; i++) {
      int match;
      if (!old.isEmpty()) {
        match = text.indexOf(old, start);
      } else {
        match = i == 0 ? start : start + Character.charCount(text.codePointAt(start));
      }
      result.append(text, start, match).append(replacement);
      start = match + old.length();
    }
    return result.append(text, start, text.length()).toString();
  }

  private static long occurrences(String text, String old) {
    if (old.isEmpty()) {
      return text.codePointCount(0, text.length()) + 1L;
    }
    long count = 0;
    for (int at = text.indexOf(old); at >= 0; at = text.indexOf(old, at + old.length())) {
      count++;
    }
    return count;
  }

  static List<Long> range(long n, int maxRange) throws CelEvaluationException {
    if (n > maxRange) {
      throw abort(
          EvaluationAbort.limit(
              "lists.range(" + n + ") asks for more than " + maxRange + " items"));
    }
    List<Long> result = new ArrayList<>((int) Math.max(n, 0));
    for (long i = 0; i < n; i++) {
      result.add(i);
    }
    return Collections.unmodifiableList(result);
  }

  private static CelEvaluationException abort(EvaluationAbort abort) {
    return new CelEvaluationException(abort.getMessage(), abort);
  }
}
