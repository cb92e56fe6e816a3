package io.agentic.airouter.step;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A finished step's result, kept under its step id so a redelivered step is answered without
 * calling a provider again. The result is stored as its wire JSON: an AI answer's keys may hold
 * characters MongoDB field names do not allow.
 */
@Document("step_results")
record RecordedStep(@Id String stepId, String executionId, String result, Instant recordedAt) {}
