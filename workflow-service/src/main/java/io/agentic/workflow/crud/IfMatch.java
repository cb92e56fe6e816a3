package io.agentic.workflow.crud;

/**
 * Whether an {@code If-Match} header names the current version. Accepts what clients send back:
 * {@code "3"}, {@code W/"3"}, a bare {@code 3}, a list of tags, or {@code *}.
 */
final class IfMatch {

  private IfMatch() {}

  static boolean matches(String header, int currentVersion) {
    for (String tag : header.split(",")) {
      String t = tag.trim();
      if (t.equals("*")) {
        return true;
      }
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
        t = t.substring(1, t.length() - 1);
      }
      if (t.equals(Integer.toString(currentVersion))) {
        return true;
      }
    }
    return false;
  }
}
