package io.agentic.airouter.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A provider's configured base URL, and the only way a client builds the URLs it calls: every
 * resolved URL keeps the base's scheme, host, port and path prefix, so no model name or request
 * field can send a key anywhere else.
 */
public record Endpoint(URI base) {

  private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}");

  /** Parses a configured base URL; throws {@link IllegalArgumentException} when unusable. */
  public static Endpoint parse(String url) {
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("the scheme must be http or https");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("a host without user info is required");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("no query or fragment allowed");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    return new Endpoint(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path));
  }

  /** A URL under the base; {@code path} starts with {@code /}. */
  public URI resolve(String path) {
    return resolve(path, null);
  }

  public URI resolve(String path, String query) {
    if (!path.startsWith("/") || path.contains("..") || path.contains("//")) {
      throw new IllegalArgumentException("bad path");
    }
    if (path.chars().anyMatch(c -> c <= ' ' || c == '?' || c == '#' || c == '\\' || c == '%')) {
      throw new IllegalArgumentException("bad path");
    }
    URI uri = URI.create(base + path + (query == null ? "" : "?" + query));
    if (!Objects.equals(uri.getScheme(), base.getScheme())
        || !Objects.equals(uri.getRawAuthority(), base.getRawAuthority())
        || !uri.getRawPath().startsWith(base.getRawPath())) {
      throw new IllegalArgumentException("the URL left the provider's base");
    }
    return uri;
  }

  /** An endpoint below this one, e.g. HuggingFace's chat API at {@code /v1}. */
  public Endpoint child(String path) {
    return new Endpoint(resolve(path));
  }

  /** A model name checked to be safe as URL path segments. */
  public static String modelPath(String model) {
    if (model == null || !MODEL.matcher(model).matches() || model.contains("..")) {
      throw new IllegalArgumentException("model name not allowed in a URL");
    }
    if (model.contains("//") || model.endsWith("/")) {
      throw new IllegalArgumentException("model name not allowed in a URL");
    }
    return model;
  }

  public boolean plainHttp() {
    return "http".equals(base.getScheme());
  }
}
