package io.agentic.workflow.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the CEL environment, so the validator's own rules are tested without it: finds the
 * {@code {{ }}} pairs of templates and rejects blank expressions and unbalanced brackets or quotes,
 * without compiling anything.
 */
final class BasicExpressionChecker implements ExpressionChecker {

  @Override
  public List<String> check(String expression) {
    if (expression == null || expression.isBlank()) {
      return List.of("the expression is empty");
    }
    String problem = bracketProblem(expression);
    return problem == null ? List.of() : List.of(problem);
  }

  @Override
  public List<String> templateExpressions(String template) {
    List<String> found = new ArrayList<>();
    int at = 0;
    while (true) {
      int open = template.indexOf("{{", at);
      int close = template.indexOf("}}", at);
      if (open < 0) {
        if (close >= 0) {
          throw new TemplateSyntaxException("'}}' at offset " + close + " has no opening '{{'");
        }
        return found;
      }
      if (close >= 0 && close < open) {
        throw new TemplateSyntaxException("'}}' at offset " + close + " has no opening '{{'");
      }
      int end = template.indexOf("}}", open + 2);
      if (end < 0) {
        throw new TemplateSyntaxException("'{{' at offset " + open + " is never closed");
      }
      found.add(template.substring(open + 2, end).trim());
      at = end + 2;
    }
  }

  private static String bracketProblem(String expression) {
    StringBuilder open = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      switch (c) {
        case '"', '\'' -> quote = c;
        case '(', '[', '{' -> open.append(c);
        case ')', ']', '}' -> {
          char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
          if (open.isEmpty() || open.charAt(open.length() - 1) != expected) {
            return "unbalanced '" + c + "' at offset " + i;
          }
          open.setLength(open.length() - 1);
        }
        default -> {}
      }
    }
    if (quote != 0) {
      return "unterminated string";
    }
    return open.isEmpty() ? null : "unclosed '" + open.charAt(open.length() - 1) + "'";
  }
}
