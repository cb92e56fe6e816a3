package io.agentic.gateway.docs;

import java.util.List;

/**
 * Where the API documentation lives at the edge, all under {@code /docs}: Swagger UI ({@code
 * /docs/swagger-ui/…}, configured in {@code gateway-service.yml}) and one OpenAPI document per
 * service at {@code /docs/api/<service>}, which the gateway fetches from that service's {@code
 * /v3/api-docs}; {@code /docs/api/gateway} is the gateway's own (its public echo). One prefix keeps
 * the public rules, the UI's content security policy and the routes in step.
 */
public final class ApiDocs {

  /** Everything documentation-related starts here. */
  public static final String ROOT = "/docs";

  /** Swagger UI's page, where {@code /docs} and {@code /docs/} send browsers. */
  public static final String UI = uiFile("index.html");

  /**
   * The files of Swagger UI's webjar (served by springdoc under {@code /docs/swagger-ui/}) that its
   * page loads: only these are public. The rest of the webjar is not needed without OAuth flows
   * (its {@code oauth2-redirect.html} was a favourite target in older releases).
   */
  public static final List<String> UI_FILES =
      List.of(
          "index.html",
          "index.css",
          "swagger-ui.css",
          "swagger-ui-bundle.js",
          "swagger-ui-standalone-preset.js",
          "swagger-initializer.js",
          "favicon-32x32.png",
          "favicon-16x16.png");

  /** Where every service serves its OpenAPI document (springdoc's default). */
  public static final String SERVICE_DOCUMENT = "/v3/api-docs";

  /** The services whose documents the gateway proxies, by the name in their doc path. */
  public static final List<String> SERVICES =
      List.of("auth", "workflow", "execution", "ai-router", "analytics");

  /** The gateway's own document ({@code springdoc.api-docs.path}). */
  public static final String GATEWAY_DOCUMENT = ROOT + "/api/gateway";

  /** Swagger UI's settings, served by springdoc next to the gateway's own document. */
  public static final String UI_CONFIG = GATEWAY_DOCUMENT + "/swagger-config";

  /**
   * The content security policy of every answer under {@code /docs}: Swagger UI loads only its own
   * scripts, sets inline styles and draws data-URI images; its documents come from the same origin.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
          + "script-src 'self'";

  private ApiDocs() {}

  /** The gateway path of one of {@link #UI_FILES}. */
  public static String uiFile(String file) {
    return ROOT + "/swagger-ui/" + file;
  }

  /** The gateway path of a service's document, e.g. {@code /docs/api/auth}. */
  public static String documentOf(String service) {
    return ROOT + "/api/" + service;
  }

  /** Whether a request path is documentation (and so gets the UI's security policy). */
  public static boolean covers(String path) {
    return path.equals(ROOT) || path.startsWith(ROOT + "/");
  }
}
