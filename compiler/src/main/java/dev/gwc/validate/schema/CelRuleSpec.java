package dev.gwc.validate.schema;

import dev.gwc.source.SourceSpan;

/**
 * One {@code x-kubernetes-validations} entry of a schema node.
 *
 * @param rule the CEL expression
 * @param message the message to report, or null (then the rule text is shown)
 * @param messageExpression a CEL expression giving the message, or null
 * @param fieldPath a relative field path such as {@code .port} that the failure is reported at, or
 *     null
 * @param reason the Kubernetes reason (FieldValueInvalid, FieldValueForbidden, ...), or null
 * @param optionalOldSelf whether the rule also runs on create with {@code oldSelf} absent
 * @param span where the rule is written, for compile errors in user CRDs
 */
public record CelRuleSpec(
    String rule,
    String message,
    String messageExpression,
    String fieldPath,
    String reason,
    boolean optionalOldSelf,
    SourceSpan span) {}
