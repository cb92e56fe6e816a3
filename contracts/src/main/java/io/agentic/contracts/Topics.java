package io.agentic.contracts;

import io.agentic.contracts.ai.AiCallRecorded;
import io.agentic.contracts.audit.AuditRecorded;
import io.agentic.contracts.execution.ExecuteStep;
import io.agentic.contracts.execution.ExecutionCommand;
import io.agentic.contracts.execution.ExecutionProgressed;
import io.agentic.contracts.execution.StepFinished;
import io.agentic.contracts.workflow.WorkflowAccessChanged;
import io.agentic.contracts.workflow.WorkflowChanged;
import io.agentic.contracts.workflow.WorkflowVersionSaved;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every topic of the suite, named {@code <owner>.<stream>.v1}, and the one record type each
 * carries. Constants, so they can appear in {@code @KafkaListener} annotations.
 */
public final class Topics {

  /** Compacted, key {@code workflowId:version}: every saved version, immutable. */
  public static final String WORKFLOW_VERSIONS = "workflow.versions.v1";

  /** Compacted, key {@code workflowId}: current permissions, status and deletion. */
  public static final String WORKFLOW_ACCESS = "workflow.access.v1";

  /** Key {@code workflowId}: created, updated, deleted, shared. */
  public static final String WORKFLOW_EVENTS = "workflow.events.v1";

  /** Key {@code executionId}: start, cancel, retry, timer. */
  public static final String EXECUTION_COMMANDS = "execution.commands.v1";

  /** Key {@code executionId}: AI_PROCESSOR steps for the AI router. */
  public static final String STEPS_AI = "execution.steps.ai.v1";

  /** Key {@code executionId}: HTTP_REQUEST steps. */
  public static final String STEPS_HTTP = "execution.steps.http.v1";

  /** Key {@code executionId}: DATABASE steps. */
  public static final String STEPS_DATABASE = "execution.steps.database.v1";

  /** Key {@code executionId}: the outcome of every step, back to the orchestrator. */
  public static final String STEP_RESULTS = "execution.step-results.v1";

  /** Key {@code executionId}: each execution's ordered event log, for SSE and analytics. */
  public static final String EXECUTION_EVENTS = "execution.events.v1";

  /** Key {@code executionId} (or the caller's id outside executions): one record per AI call. */
  public static final String AI_USAGE = "ai.usage.v1";

  /** Key {@code actorId}: security-relevant actions. */
  public static final String AUDIT = "auth.audit.v1";

  /** Appended to a topic's name for the records its consumers could not process. */
  public static final String DLT_SUFFIX = ".dlt";

  private static final Map<String, Class<?>> MESSAGE_TYPES =
      Map.ofEntries(
          Map.entry(WORKFLOW_VERSIONS, WorkflowVersionSaved.class),
          Map.entry(WORKFLOW_ACCESS, WorkflowAccessChanged.class),
          Map.entry(WORKFLOW_EVENTS, WorkflowChanged.class),
          Map.entry(EXECUTION_COMMANDS, ExecutionCommand.class),
          Map.entry(STEPS_AI, ExecuteStep.class),
          Map.entry(STEPS_HTTP, ExecuteStep.class),
          Map.entry(STEPS_DATABASE, ExecuteStep.class),
          Map.entry(STEP_RESULTS, StepFinished.class),
          Map.entry(EXECUTION_EVENTS, ExecutionProgressed.class),
          Map.entry(AI_USAGE, AiCallRecorded.class),
          Map.entry(AUDIT, AuditRecorded.class));

  private Topics() {}

  /** The record type carried by a topic or its dead-letter topic. */
  public static Optional<Class<?>> messageType(String topic) {
    String base =
        topic.endsWith(DLT_SUFFIX)
            ? topic.substring(0, topic.length() - DLT_SUFFIX.length())
            : topic;
    return Optional.ofNullable(MESSAGE_TYPES.get(base));
  }

  /** The dead-letter topic of {@code topic}. */
  public static String dlt(String topic) {
    return topic + DLT_SUFFIX;
  }

  /** Every topic name, dead-letter topics excluded. */
  public static Set<String> all() {
    return MESSAGE_TYPES.keySet();
  }
}
