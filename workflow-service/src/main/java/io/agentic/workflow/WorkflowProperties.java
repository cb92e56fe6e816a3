package io.agentic.workflow;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * workflow-service's settings, under {@code agentic.workflow}.
 *
 * @param maxBodySize the largest request body accepted (413 beyond)
 * @param publishTimeout how long a save waits for Kafka to acknowledge what it publishes
 * @param relayInterval how often changes that could not be published are retried
 * @param relayAfter how old an unpublished change must be before the relay takes it over from the
 *     request that made it
 * @param cache the Redis read cache of {@code GET /api/workflows/{id}} and its versions
 */
@ConfigurationProperties("agentic.workflow")
public record WorkflowProperties(
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue("10s") Duration publishTimeout,
    @DefaultValue("5s") Duration relayInterval,
    @DefaultValue("30s") Duration relayAfter,
    @DefaultValue Cache cache) {

  /**
   * The read cache, under {@code agentic.workflow.cache} (env {@code AGENTIC_WORKFLOW_CACHE_*}).
   *
   * @param enabled whether reads go through Redis. Off, every read goes to MongoDB and nothing is
   *     read from or stored in the cache; writes still invalidate, so that turning the cache back
   *     on can never serve an entry a write made while it was off has replaced
   * @param ttl how long a workflow and its versions stay in Redis; every write invalidates the
   *     workflow's entry before it answers, so this only bounds memory and the damage of an
   *     invalidation Redis could not take
   */
  public record Cache(@DefaultValue("true") boolean enabled, @DefaultValue("10m") Duration ttl) {}
}
