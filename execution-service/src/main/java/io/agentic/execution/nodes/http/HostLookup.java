package io.agentic.execution.nodes.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution, replaceable so tests can serve names without DNS. */
@FunctionalInterface
interface HostLookup {

  HostLookup SYSTEM = InetAddress::getAllByName;

  InetAddress[] resolve(String name) throws UnknownHostException;
}
