package io.agentic.airouter.openai;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One model a client may name.
 *
 * @param created when this instance started (the router's models have no birthday of their own)
 * @param ownedBy the provider, or {@code agentic} for {@code auto} and the task routes
 */
record ModelEntry(
    String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {}
