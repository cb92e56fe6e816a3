package io.agentic.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports nobody listens on right now, for the pieces local mode starts on "any free port". */
public final class FreePorts {
  private FreePorts() {}

  /**
   * A port free on the loopback interface at the time of the call. Another process could take it
   * before it is used; the window is a few milliseconds, and a clash fails loudly at bind time.
   */
  public static int next() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free local port", e);
    }
  }
}
