package io.agentic.airouter.router;

import io.agentic.contracts.ai.AiCallRecorded;

/** Where each provider call (and cache answer) is reported: {@code ai.usage.v1}. */
@FunctionalInterface
public interface UsageRecorder {

  void record(AiCallRecorded call);
}
