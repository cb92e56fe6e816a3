package io.agentic.platform.problem;

/** One thing wrong with the input: where ({@code field}, a JSON path or a node id) and what. */
public record FieldProblem(String field, String message) {}
