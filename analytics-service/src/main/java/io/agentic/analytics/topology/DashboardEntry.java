package io.agentic.analytics.topology;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One entry of the dashboard table every instance reads (see {@link DashboardKeys} for the keys):
 * the figures of a minute or a day, the all-time totals, the recent executions, one workflow's
 * figures.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = PeriodFigures.class, name = "period"),
  @JsonSubTypes.Type(value = Totals.class, name = "totals"),
  @JsonSubTypes.Type(value = RecentExecutions.class, name = "recent"),
  @JsonSubTypes.Type(value = WorkflowFigures.class, name = "workflow")
})
public sealed interface DashboardEntry
    permits PeriodFigures, Totals, RecentExecutions, WorkflowFigures {}
