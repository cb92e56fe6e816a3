package io.agentic.analytics.topology;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything counted over one period (a minute, a day, all time). Mergeable: the figures of a range
 * are the merge of its periods'.
 *
 * @param started new executions ({@code execution.started} that is not a retry)
 * @param retried executions started again by a retry
 * @param completed executions that ended {@code completed} (likewise failed, cancelled)
 * @param durations how long the ended executions ran, in milliseconds
 * @param durationTotalMs their summed durations, for an exact average
 * @param providers AI calls per provider
 * @param workflowChanges workflows created, updated, deleted or shared
 */
public record Figures(
    long started,
    long retried,
    long completed,
    long failed,
    long cancelled,
    LogHistogram durations,
    long durationTotalMs,
    SortedMap<String, ProviderFigures> providers,
    long workflowChanges) {

  private static final Figures NONE =
      new Figures(0, 0, 0, 0, 0, LogHistogram.empty(), 0, new TreeMap<>(), 0);

  public Figures {
    durations = durations == null ? LogHistogram.empty() : durations;
    providers =
        Collections.unmodifiableSortedMap(new TreeMap<>(providers == null ? Map.of() : providers));
  }

  public static Figures none() {
    return NONE;
  }

  public Figures add(Fact fact) {
    return switch (fact) {
      case ExecutionFact e -> add(e);
      case AiCallFact call -> {
        TreeMap<String, ProviderFigures> byProvider = new TreeMap<>(providers);
        byProvider.put(
            call.provider(),
            byProvider.getOrDefault(call.provider(), ProviderFigures.none()).add(call));
        yield new Figures(
            started,
            retried,
            completed,
            failed,
            cancelled,
            durations,
            durationTotalMs,
            byProvider,
            workflowChanges);
      }
      case WorkflowFact w ->
          new Figures(
              started,
              retried,
              completed,
              failed,
              cancelled,
              durations,
              durationTotalMs,
              providers,
              workflowChanges + 1);
    };
  }

  private Figures add(ExecutionFact e) {
    if (!e.terminal()) {
      return new Figures(
          started + (e.retry() ? 0 : 1),
          retried + (e.retry() ? 1 : 0),
          completed,
          failed,
          cancelled,
          durations,
          durationTotalMs,
          providers,
          workflowChanges);
    }
    return new Figures(
        started,
        retried,
        completed + (e.phase() == ExecutionFact.Phase.COMPLETED ? 1 : 0),
        failed + (e.phase() == ExecutionFact.Phase.FAILED ? 1 : 0),
        cancelled + (e.phase() == ExecutionFact.Phase.CANCELLED ? 1 : 0),
        durations.add(e.durationMs()),
        durationTotalMs + e.durationMs(),
        providers,
        workflowChanges);
  }

  public Figures merge(Figures other) {
    TreeMap<String, ProviderFigures> byProvider = new TreeMap<>(providers);
    other.providers.forEach(
        (name, figures) -> byProvider.merge(name, figures, ProviderFigures::merge));
    return new Figures(
        started + other.started,
        retried + other.retried,
        completed + other.completed,
        failed + other.failed,
        cancelled + other.cancelled,
        durations.merge(other.durations),
        durationTotalMs + other.durationTotalMs,
        byProvider,
        workflowChanges + other.workflowChanges);
  }

  /** Executions that ended, however. */
  public long ended() {
    return completed + failed + cancelled;
  }

  /** Completed per ended execution (cancelled ones count as not successful); null if none. */
  public Double successRate() {
    return ended() == 0 ? null : (double) completed / ended();
  }

  /** Exact mean duration of the ended executions; null if none. */
  public Long averageDurationMs() {
    return ended() == 0 ? null : Math.round((double) durationTotalMs / ended());
  }
}
