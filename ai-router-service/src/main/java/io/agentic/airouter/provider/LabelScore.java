package io.agentic.airouter.provider;

/** One class of a text-classification answer, with the model's confidence in it. */
public record LabelScore(String label, double score) {}
