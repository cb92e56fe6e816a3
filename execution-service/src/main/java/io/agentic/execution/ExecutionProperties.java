package io.agentic.execution;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * execution-service settings, prefix {@code agentic.execution}.
 *
 * @param workflowServiceUrl asked once for a workflow or version the read model has not seen yet
 * @param maxRunningPerUser pending or running executions a user may have; more answers 429
 * @param maxWaitingPerUser {@code ?wait=true} requests a user may have open at once
 * @param defaultWait how long {@code ?wait=true} waits without {@code timeoutMs}
 * @param maxWait the largest {@code timeoutMs} accepted
 * @param stopWait how long {@code POST /{id}/stop} waits for the cancellation to be applied
 * @param defaultNodeTimeout for I/O nodes without {@code timeoutMs}
 * @param deadline how long an execution may run before it fails with {@code DEADLINE_EXCEEDED}
 * @param maxLogEntries log lines kept per execution
 * @param relayInterval how often unsent outbox entries of owned executions are published again
 * @param relayGrace how old an unsent entry must be before the periodic relay sends it (younger
 *     ones are still being published by the transition that wrote them)
 * @param timerPollInterval how often due timers of owned executions are fired
 * @param deadlineSweepInterval how often owned executions past their deadline are failed
 * @param orchestratorConcurrency orchestrator consumers in this instance (each owns whole
 *     partitions, so executions still have a single writer)
 * @param workerConcurrency consumers per step topic in this instance
 * @param workerMaxPollRecords steps fetched per poll, kept small so slow steps never stall a
 *     consumer into a rebalance
 * @param workerMaxPollInterval the longest a worker may spend on one poll's steps before Kafka
 *     gives its partitions to another consumer: more than max-poll-records times the longest step
 *     timeout (1 h)
 * @param maxDepth how deep SUB_WORKFLOW and LOOP may nest child executions
 * @param maxLoopItems the most items a LOOP accepts
 * @param maxChildrenPerRoot child executions one root execution may create, all levels together
 * @param maxInlineOutput node outputs larger than this (as JSON) are stored apart and shown as
 *     {@code {outputRef, sizeBytes}}
 * @param eventHeartbeat how often an idle event stream gets a comment (and its token is checked)
 * @param maxStreamsPerUser event streams a user may have open at once on this instance
 * @param eventTicketTtl how long an event-stream ticket stays usable
 */
@ConfigurationProperties("agentic.execution")
public record ExecutionProperties(
    @DefaultValue("http://localhost:8082") URI workflowServiceUrl,
    @DefaultValue("100") int maxRunningPerUser,
    @DefaultValue("20") int maxWaitingPerUser,
    @DefaultValue("30s") Duration defaultWait,
    @DefaultValue("60s") Duration maxWait,
    @DefaultValue("5s") Duration stopWait,
    @DefaultValue("5m") Duration defaultNodeTimeout,
    @DefaultValue("24h") Duration deadline,
    @DefaultValue("1000") int maxLogEntries,
    @DefaultValue("5s") Duration relayInterval,
    @DefaultValue("5s") Duration relayGrace,
    @DefaultValue("1s") Duration timerPollInterval,
    @DefaultValue("1m") Duration deadlineSweepInterval,
    @DefaultValue("2") int orchestratorConcurrency,
    @DefaultValue("2") int workerConcurrency,
    @DefaultValue("2") int workerMaxPollRecords,
    @DefaultValue("130m") Duration workerMaxPollInterval,
    @DefaultValue("5") int maxDepth,
    @DefaultValue("1000") int maxLoopItems,
    @DefaultValue("10000") int maxChildrenPerRoot,
    @DefaultValue("256KB") DataSize maxInlineOutput,
    @DefaultValue("15s") Duration eventHeartbeat,
    @DefaultValue("20") int maxStreamsPerUser,
    @DefaultValue("60s") Duration eventTicketTtl) {}
