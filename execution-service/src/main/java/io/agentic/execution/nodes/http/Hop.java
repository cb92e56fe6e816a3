package io.agentic.execution.nodes.http;

import io.agentic.execution.redaction.Redaction;
import java.util.List;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.message.BasicHeader;

/** One request of an exchange: the node's request, then one per redirect followed. */
record Hop(
    String method,
    OutboundGuard.Target target,
    List<BasicHeader> headers,
    byte[] body,
    ContentType bodyType) {

  static Hop first(HttpCall call, OutboundGuard.Target target) {
    return new Hop(call.method(), target, call.headers(), call.body(), call.bodyType());
  }

  /** How this hop's method and URL read in a message: query secrets masked. */
  String describe() {
    return method + " " + Redaction.url(target.uri().toString());
  }

  /**
   * The request that follows a redirect to {@code next} (already vetted by the guard). 303, and 301
   * or 302 after a POST, turn into a GET without a body, as browsers do; credentials never follow a
   * redirect to another origin; https never downgrades to http.
   */
  Hop redirect(int status, OutboundGuard.Target next) {
    if (target.uri().getScheme().equals("https") && next.uri().getScheme().equals("http")) {
      throw new StepFailure(
          OutboundRefusedException.SSRF_BLOCKED,
          describe() + " redirected from https to http, which is not allowed",
          false);
    }
    List<BasicHeader> kept = headers;
    if (!next.origin().equals(target.origin())) {
      kept = kept.stream().filter(h -> !Redaction.isSensitive(h.getName())).toList();
    }
    boolean toGet =
        (status == 303 && !method.equals("HEAD"))
            || ((status == 301 || status == 302) && method.equals("POST"));
    if (!toGet) {
      return new Hop(method, next, kept, body, bodyType);
    }
    kept = kept.stream().filter(h -> !h.getName().equalsIgnoreCase("Content-Type")).toList();
    return new Hop("GET", next, kept, null, null);
  }
}
