package io.agentic.auth.user;

import io.agentic.platform.problem.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a new account's username, email and password must look like. */
public final class RegistrationRules {

  public static final int MIN_PASSWORD = 10;
  public static final int MAX_PASSWORD = 128;
  public static final int MAX_EMAIL = 254;

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");

  /** The WHATWG (HTML) email syntax: what browsers accept in {@code type=email}. */
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

  private RegistrationRules() {}

  /** Everything wrong with the input, one entry per broken rule; empty when it is acceptable. */
  public static List<FieldProblem> check(String username, String email, String password) {
    List<FieldProblem> problems = new ArrayList<>();
    if (isBlank(username)) {
      problems.add(new FieldProblem("username", "is required"));
    } else if (!isUsername(username)) {
      problems.add(
          new FieldProblem("username", "must be 3 to 32 letters, digits, '_', '.' or '-'"));
    }
    if (isBlank(email)) {
      problems.add(new FieldProblem("email", "is required"));
    } else if (email.length() > MAX_EMAIL) {
      problems.add(new FieldProblem("email", "must be at most " + MAX_EMAIL + " characters"));
    } else if (!isEmail(email)) {
      problems.add(new FieldProblem("email", "must be a valid email address"));
    }
    if (password == null || password.isEmpty()) {
      problems.add(new FieldProblem("password", "is required"));
    } else {
      int length = password.codePointCount(0, password.length());
      if (length < MIN_PASSWORD) {
        problems.add(
            new FieldProblem("password", "must be at least " + MIN_PASSWORD + " characters"));
      } else if (length > MAX_PASSWORD) {
        problems.add(
            new FieldProblem("password", "must be at most " + MAX_PASSWORD + " characters"));
      } else if (password.equalsIgnoreCase(username) || password.equalsIgnoreCase(email)) {
        problems.add(new FieldProblem("password", "must differ from the username and the email"));
      }
    }
    return problems;
  }

  public static boolean isUsername(String value) {
    return value != null && USERNAME.matcher(value).matches();
  }

  public static boolean isEmail(String value) {
    return value != null && value.length() <= MAX_EMAIL && EMAIL.matcher(value).matches();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
