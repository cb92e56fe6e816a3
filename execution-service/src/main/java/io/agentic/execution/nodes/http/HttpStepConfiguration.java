package io.agentic.execution.nodes.http;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link HttpStepProperties} wherever {@link HttpRequestStep} is scanned. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpStepProperties.class)
class HttpStepConfiguration {}
