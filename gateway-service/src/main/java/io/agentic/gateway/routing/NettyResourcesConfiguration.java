package io.agentic.gateway.routing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The gateway's own Reactor Netty event loops and connections instead of the JVM-wide ones that
 * Boot uses by default, and disposes on close. Where several contexts share a JVM (local mode, the
 * suite tests), closing one context must never stop another gateway's server.
 */
@Configuration(proxyBeanMethods = false)
class NettyResourcesConfiguration {

  @Bean
  ReactorResourceFactory gatewayNettyResources() {
    ReactorResourceFactory resources = new ReactorResourceFactory();
    resources.setUseGlobalResources(false);
    return resources;
  }
}
