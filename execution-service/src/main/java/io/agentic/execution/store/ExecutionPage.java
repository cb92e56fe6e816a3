package io.agentic.execution.store;

import io.agentic.execution.engine.ExecutionState;
import java.util.List;

public record ExecutionPage(List<ExecutionState> items, long total) {}
