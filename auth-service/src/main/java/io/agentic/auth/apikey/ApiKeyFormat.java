package io.agentic.auth.apikey;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an API key looks like: {@code agk_<id>_<secret>}. The prefix lets secret scanners and the
 * gateway recognise a key; the id (12 base62 characters) finds the stored key without revealing
 * anything; the secret (43 base62 characters, 256 random bits) is the part only the owner holds.
 * Letters and digits only, so a double click selects the whole key.
 */
final class ApiKeyFormat {

  static final String PREFIX = "agk_";
  static final int ID_LENGTH = 12;
  static final int SECRET_LENGTH = 43;

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE =
      Pattern.compile("agk_([0-9A-Za-z]{" + ID_LENGTH + "})_([0-9A-Za-z]{" + SECRET_LENGTH + "})");

  private ApiKeyFormat() {}

  /** A presented key, split into its parts. */
  record Parts(String id, String secret) {

    @Override
    public String toString() {
      return "Parts[id=" + id + ", secret=***]";
    }
  }

  static String newId() {
    return random(ID_LENGTH);
  }

  static String newSecret() {
    return random(SECRET_LENGTH);
  }

  static String compose(String id, String secret) {
    return prefix(id) + "_" + secret;
  }

  /** What the owner sees of a key in lists: enough to tell keys apart, nothing to use. */
  static String prefix(String id) {
    return PREFIX + id;
  }

  /** The parts of {@code presented}, or empty when it cannot be a key we issued. */
  static Optional<Parts> parse(String presented) {
    if (presented == null || presented.length() > 128) {
      return Optional.empty();
    }
    Matcher matcher = SHAPE.matcher(presented);
    return matcher.matches()
        ? Optional.of(new Parts(matcher.group(1), matcher.group(2)))
        : Optional.empty();
  }

  /** Uniformly random base62 characters (nextInt(62) has no modulo bias). */
  private static String random(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
    }
    return out.toString();
  }
}
