package io.agentic.analytics.topology;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * What the dashboard keeps of one input record, small enough to funnel every input through one
 * partition: an execution starting or ending, an AI call, a workflow change. Internal to the
 * topology (the {@code facts} repartition topic), never published for others.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ExecutionFact.class, name = "execution"),
  @JsonSubTypes.Type(value = AiCallFact.class, name = "ai-call"),
  @JsonSubTypes.Type(value = WorkflowFact.class, name = "workflow")
})
public sealed interface Fact permits ExecutionFact, AiCallFact, WorkflowFact {

  /** The input record's own id, by which duplicates are recognised. */
  String eventId();

  /** When it happened (the input record's timestamp). */
  Instant at();
}
