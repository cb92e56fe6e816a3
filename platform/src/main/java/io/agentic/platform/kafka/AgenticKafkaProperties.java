package io.agentic.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the topics a service owns are created, how often a failing record is retried before it goes
 * to the dead-letter topic, and how readiness checks the broker.
 *
 * @param partitions per topic; every topic keyed by execution id must have the same count so an
 *     execution's messages land on the same orchestrator
 * @param healthTimeout how long the readiness check waits for the cluster to answer; keep it under
 *     the probe's timeout
 * @param healthCacheTtl how long one answer of the readiness check is reused, so frequent probes
 *     cost the broker one request per interval
 */
@ConfigurationProperties("agentic.kafka")
public record AgenticKafkaProperties(
    @DefaultValue("12") int partitions,
    @DefaultValue("1") short replicationFactor,
    @DefaultValue("2") int retryAttempts,
    @DefaultValue("200ms") Duration retryBackoff,
    @DefaultValue("2s") Duration healthTimeout,
    @DefaultValue("5s") Duration healthCacheTtl) {}
