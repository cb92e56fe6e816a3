package io.agentic.execution.nodes.database;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Maps a node's collection name into the space of the user who started the execution: {@code
 * u_<user>__<collection>}. The user part keeps ASCII letters and digits and writes every other byte
 * of the id as {@code _xx} (two hex digits), so it never holds {@code __} and never ends with
 * {@code _}: the first {@code __} after {@code u_} always ends it, different users always get
 * different prefixes, and no collection name (which cannot hold a dot or start with anything but a
 * letter) can reach outside its user's prefix or a {@code system.} collection.
 */
final class CollectionNames {

  /** The names a node may use; the same rule as workflow-service's graph check. */
  static final Pattern COLLECTION = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,63}$");

  /**
   * The longest encoded user part: with a 64-character database name and a 64-character collection,
   * the namespace stays within MongoDB's 255 bytes.
   */
  static final int MAX_USER_PART = 120;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CollectionNames() {}

  /** The physical collection for {@code collection} of {@code userId}. */
  static String physical(String userId, Object collection) {
    if (!(collection instanceof String name) || !COLLECTION.matcher(name).matches()) {
      throw DatabaseFailure.invalid(
          "collection must be a name of 1 to 64 letters, digits or underscores starting with a"
              + " letter");
    }
    return userPrefix(userId) + name;
  }

  /** {@code u_<user>__}: every physical collection of this user starts with it. */
  static String userPrefix(String userId) {
    if (userId == null || userId.isBlank()) {
      throw DatabaseFailure.invalid("the execution has no user, so it has no collections");
    }
    StringBuilder part = new StringBuilder();
    for (byte b : userId.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        part.append(c);
      } else {
        part.append('_').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    if (part.length() > MAX_USER_PART) {
      throw DatabaseFailure.invalid("the user id is too long to name collections");
    }
    return "u_" + part + "__";
  }
}
