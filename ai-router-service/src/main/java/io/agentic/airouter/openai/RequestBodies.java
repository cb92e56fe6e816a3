package io.agentic.airouter.openai;

import io.agentic.platform.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Reads a completion request's body: JSON, at most 8 MiB (API.md's cap for this endpoint; the
 * gateway enforces it too, this holds for callers that reach the service directly).
 */
final class RequestBodies {

  static final int MAX_BYTES = 8 * 1024 * 1024;

  private RequestBodies() {}

  /**
   * @throws ApiException 415 for a body that is not JSON, 413 for one over the cap
   */
  static byte[] read(HttpServletRequest request) throws IOException {
    if (!json(request.getContentType())) {
      throw new ApiException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "UNSUPPORTED_MEDIA_TYPE",
          "The request body must be application/json");
    }
    if (request.getContentLengthLong() > MAX_BYTES) {
      throw tooLarge();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BYTES + 1);
      if (body.length > MAX_BYTES) {
        throw tooLarge();
      }
      return body;
    }
  }

  private static boolean json(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return type.isCompatibleWith(MediaType.APPLICATION_JSON)
          || "json".equals(type.getSubtypeSuffix());
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  private static ApiException tooLarge() {
    return new ApiException(
        HttpStatus.CONTENT_TOO_LARGE,
        "PAYLOAD_TOO_LARGE",
        "The request body is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
  }
}
