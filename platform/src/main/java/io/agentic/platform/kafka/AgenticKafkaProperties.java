package io.agentic.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the topics a service owns are created, and how often a failing record is retried before it
 * goes to the dead-letter topic.
 *
 * @param partitions per topic; every topic keyed by execution id must have the same count so an
 *     execution's messages land on the same orchestrator
 */
@ConfigurationProperties("agentic.kafka")
public record AgenticKafkaProperties(
    @DefaultValue("12") int partitions,
    @DefaultValue("1") short replicationFactor,
    @DefaultValue("2") int retryAttempts,
    @DefaultValue("200ms") Duration retryBackoff) {}
