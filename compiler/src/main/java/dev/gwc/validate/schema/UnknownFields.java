package dev.gwc.validate.schema;

import dev.gwc.yaml.YEntry;
import java.util.List;

/** Reports a field the schema does not define, with a suggestion or the channel that has it. */
final class UnknownFields {
  private UnknownFields() {}

  static void report(YEntry e, Schema s, FieldPath path, ValidationContext ctx) {
    String name = e.name();
    FieldPath at = path.child(name);
    Schema exp =
        ctx.experimentalRoot == null ? null : Channels.find(ctx.experimentalRoot.get(), path);
    if (exp != null && exp.properties.containsKey(name)) {
      ctx.report(
          SchemaRules.EXPERIMENTAL_ONLY,
          e.key().span(),
          "field '"
              + name
              + "' exists only in the experimental channel of "
              + ctx.release
              + "; validate with --channel experimental if the cluster runs the experimental CRDs",
          at);
      return;
    }
    String suggestion = Suggest.closest(name, s.properties.keySet());
    StringBuilder msg = new StringBuilder("unknown field '").append(name).append("'");
    if (suggestion != null) {
      msg.append(" (did you mean '").append(suggestion).append("'?)");
    } else if (!s.properties.isEmpty() && s.properties.size() <= 12) {
      msg.append("; expected one of ").append(Render.list(List.copyOf(s.properties.keySet())));
    }
    ctx.report(SchemaRules.UNKNOWN_FIELD, e.key().span(), msg.toString(), at);
  }
}
