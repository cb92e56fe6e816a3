package io.agentic.analytics.topology;

import java.time.Instant;

/**
 * The figures of one window (a minute or a UTC day).
 *
 * @param start the window's start; a reader checks it, since a slot is reused once its window has
 *     expired (see {@link DashboardKeys})
 */
public record PeriodFigures(Instant start, Figures figures) implements DashboardEntry {}
