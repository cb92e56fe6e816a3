package io.agentic.workflow.templates;

/**
 * An input a template's workflow expects when it is executed: one field of its INPUT node.
 *
 * @param type as in the INPUT node's {@code fields}: string, number, integer, boolean, object,
 *     array or any
 */
public record TemplateInput(String name, String type, String description, boolean required) {}
