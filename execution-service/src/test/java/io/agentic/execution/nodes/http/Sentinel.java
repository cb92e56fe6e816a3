package io.agentic.execution.nodes.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A listener that must never be reached. It binds the wildcard address, so a connection to any
 * local address at its port (127.0.0.1, 127.0.0.2, 0.0.0.0, ::1, ::ffff:127.0.0.1) lands here and
 * is counted.
 */
final class Sentinel implements AutoCloseable {

  private final ServerSocket listener;
  private final BlockingQueue<Integer> acceptedFromPorts = new LinkedBlockingQueue<>();
  private int connections;

  Sentinel() throws IOException {
    listener = new ServerSocket();
    listener.bind(new InetSocketAddress(0));
    Thread.ofVirtual().name("sentinel").start(this::acceptAll);
  }

  int port() {
    return listener.getLocalPort();
  }

  /**
   * Connections received so far. A probe connection is made and awaited first: the listen backlog
   * is first in, first out, so every connection made before the probe has been counted by the time
   * the probe is accepted.
   */
  int connections() throws IOException, InterruptedException {
    try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port())) {
      int probePort = probe.getLocalPort();
      for (Integer from; (from = acceptedFromPorts.poll(10, TimeUnit.SECONDS)) != null; ) {
        if (from == probePort) {
          return connections;
        }
        connections++;
      }
      throw new AssertionError("the sentinel did not accept its probe");
    }
  }

  private void acceptAll() {
    while (!listener.isClosed()) {
      try (Socket socket = listener.accept()) {
        acceptedFromPorts.add(socket.getPort());
      } catch (IOException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
