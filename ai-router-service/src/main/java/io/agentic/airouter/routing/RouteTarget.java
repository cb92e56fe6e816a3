package io.agentic.airouter.routing;

/** One step of a route: a provider and the model to ask it for. */
public record RouteTarget(String provider, String model) {}
