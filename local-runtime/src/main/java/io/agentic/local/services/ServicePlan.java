package io.agentic.local.services;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything the services need to find each other and the infrastructure.
 *
 * @param ports the port of every service, all chosen already (none is 0)
 * @param dataDir where services that keep files (signing key, stream state) keep them
 * @param kafkaPartitions partitions of every topic the services declare
 * @param properties added to every service's configuration, above its own files
 */
public record ServicePlan(
    Map<AgenticService, Integer> ports,
    String kafkaBootstrapServers,
    String mongoUri,
    String redisUrl,
    Path dataDir,
    int kafkaPartitions,
    Map<String, String> properties) {

  public ServicePlan {
    ports = Map.copyOf(ports);
    properties = Map.copyOf(properties);
    for (AgenticService service : AgenticService.values()) {
      Integer port = ports.get(service);
      if (port == null || port <= 0) {
        throw new IllegalArgumentException("no port chosen for " + service.serviceName());
      }
    }
  }

  public int port(AgenticService service) {
    return ports.get(service);
  }

  public String url(AgenticService service) {
    return "http://localhost:" + port(service);
  }
}
