package io.agentic.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * auth-service's sign-in, as the fake auth-service answers it: 401 when the password starts with
 * {@code wrong}, otherwise 200 (with the fake's usual body, so routing tests see who answered).
 */
public final class FakeLogins {

  public static final String WRONG_PASSWORD = "wrong-password";
  public static final String RIGHT_PASSWORD = "right-password";

  private FakeLogins() {}

  public static String body(String login, String password) {
    return "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}";
  }

  static void respond(HttpExchange exchange, FakeService.Received received) throws IOException {
    if (received.body().contains("\"password\":\"wrong")) {
      FakeService.json(exchange, 401, "{\"code\":\"INVALID_CREDENTIALS\",\"status\":401}");
    } else {
      FakeService.json(
          exchange, 200, "{\"service\":\"auth\",\"path\":\"" + received.path() + "\"}");
    }
  }
}
