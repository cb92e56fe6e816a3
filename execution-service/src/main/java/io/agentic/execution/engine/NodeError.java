package io.agentic.execution.engine;

/** Why a node failed: a stable code and a message for people. */
public record NodeError(String code, String message) {}
