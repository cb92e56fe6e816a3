package io.agentic.expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A template string split into literal text and {@code {{ expression }}} parts. The closing {@code
 * }}} is found by reading the expression the way CEL does: braces of map literals nest and braces
 * inside string literals do not count, so {@code {{ {'a': {'b': 1}} }}} is one expression.
 */
record Template(List<Part> parts) {

  record Part(String text, boolean expression) {}

  static Template parse(String template) {
    List<Part> parts = new ArrayList<>();
    int position = 0;
    while (position < template.length()) {
      int open = template.indexOf("{{", position);
      if (open < 0) {
        break;
      }
      if (open > position) {
        parts.add(new Part(template.substring(position, open), false));
      }
      int close = closingBraces(template, open + 2);
      if (close < 0) {
        throw ExpressionException.invalid(
            template, "the \"{{\" at position " + (open + 1) + " has no matching \"}}\"");
      }
      String expression = template.substring(open + 2, close).strip();
      if (expression.isEmpty()) {
        throw ExpressionException.invalid(
            template, "the \"{{ }}\" at position " + (open + 1) + " holds no expression");
      }
      parts.add(new Part(expression, true));
      position = close + 2;
    }
    if (position < template.length()) {
      parts.add(new Part(template.substring(position), false));
    }
    return new Template(List.copyOf(parts));
  }

  List<String> expressions() {
    return parts.stream().filter(Part::expression).map(Part::text).toList();
  }

  /** The expression of a template that is one {@code {{ expr }}} with only whitespace around. */
  Optional<String> single() {
    List<String> expressions = expressions();
    boolean onlyWhitespaceAround =
        parts.stream().filter(part -> !part.expression()).allMatch(part -> part.text().isBlank());
    return expressions.size() == 1 && onlyWhitespaceAround
        ? Optional.of(expressions.getFirst())
        : Optional.empty();
  }

  /** Index of the {@code }}} that ends the expression starting at {@code from}, or -1. */
  private static int closingBraces(String text, int from) {
    int depth = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfStringLiteral(text, i);
        if (i < 0) {
          return -1;
        }
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth > 0) {
          depth--;
        } else if (i + 1 < text.length() && text.charAt(i + 1) == '}') {
          return i;
        }
      }
    }
    return -1;
  }

  /** Index of the quote that closes the CEL string literal opening at {@code start}, or -1. */
  private static int endOfStringLiteral(String text, int start) {
    char quote = text.charAt(start);
    boolean raw = start > 0 && (text.charAt(start - 1) == 'r' || text.charAt(start - 1) == 'R');
    String triple = String.valueOf(quote).repeat(3);
    boolean tripleQuoted = text.startsWith(triple, start);
    for (int i = start + (tripleQuoted ? 3 : 1); i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && !raw) {
        i++;
      } else if (tripleQuoted ? text.startsWith(triple, i) : c == quote) {
        return tripleQuoted ? i + 2 : i;
      } else if (!tripleQuoted && (c == '\n' || c == '\r')) {
        return -1;
      }
    }
    return -1;
  }
}
