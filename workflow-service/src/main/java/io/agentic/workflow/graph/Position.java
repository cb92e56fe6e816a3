package io.agentic.workflow.graph;

/** Where an editor drew the node; the engine ignores it. */
public record Position(double x, double y) {}
