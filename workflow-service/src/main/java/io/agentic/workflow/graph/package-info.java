/**
 * The workflow graph as clients send it, and {@link io.agentic.workflow.graph.GraphValidator},
 * which reports every broken rule at once. Plain Java; CEL is reached through the {@link
 * io.agentic.workflow.graph.ExpressionChecker} port.
 */
package io.agentic.workflow.graph;
