package io.agentic.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** Request ids: echoed when the caller's is short and plain, otherwise a new UUID. */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestIds() {}

  public static String acceptOrCreate(String offered) {
    return offered != null && SAFE.matcher(offered).matches()
        ? offered
        : UUID.randomUUID().toString();
  }
}
