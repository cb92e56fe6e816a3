package io.agentic.execution.nodes.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/**
 * A response read within the size cap.
 *
 * @param headers lower-case names; repeated headers joined with ", "
 * @param body null when the response has no body
 */
record HttpReply(int status, Map<String, String> headers, byte[] body, String contentType) {

  /**
   * Reads the whole body, up to {@code maxBytes}. Past the cap it stops reading at once (the caller
   * then discards the connection rather than draining what is left).
   */
  static HttpReply read(ClassicHttpResponse response, long maxBytes, String where)
      throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header header : response.getHeaders()) {
      headers.merge(
          header.getName().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + ", " + b);
    }
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      return new HttpReply(response.getCode(), headers, null, null);
    }
    if (entity.getContentLength() > maxBytes) {
      throw tooLarge(where, maxBytes);
    }
    InputStream in = entity.getContent();
    byte[] body = in == null ? new byte[0] : in.readNBytes((int) maxBytes + 1);
    if (body.length > maxBytes) {
      throw tooLarge(where, maxBytes);
    }
    return new HttpReply(response.getCode(), headers, body, entity.getContentType());
  }

  private static StepFailure tooLarge(String where, long maxBytes) {
    return new StepFailure(
        StepFailure.RESPONSE_TOO_LARGE,
        where + " answered with a body over the " + maxBytes + "-byte limit",
        false);
  }
}
