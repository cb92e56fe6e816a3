package io.agentic.contracts.execution;

/**
 * Why a step failed.
 *
 * @param code stable and machine-readable, e.g. {@code SSRF_BLOCKED}, {@code HTTP_STATUS}, {@code
 *     TIMEOUT}
 * @param retryable whether the node's {@code retry} policy applies to it
 */
public record StepError(String code, String message, boolean retryable) {}
