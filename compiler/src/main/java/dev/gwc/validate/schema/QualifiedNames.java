package dev.gwc.validate.schema;

import dev.gwc.yaml.YEntry;
import dev.gwc.yaml.YMap;
import java.util.regex.Pattern;

/**
 * Label and annotation keys: a qualified name, {@code name} or {@code prefix/name}, where the
 * prefix is a DNS subdomain of at most 253 characters and the name at most 63 characters of
 * letters, digits, '-', '_' and '.', beginning and ending with a letter or digit. Checked here
 * rather than as a CEL rule so that each bad key is reported at its own line.
 */
final class QualifiedNames {
  private QualifiedNames() {}

  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern PREFIX =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  static void check(YMap metadata, FieldPath metaPath, ValidationContext ctx) {
    for (String field : new String[] {"labels", "annotations"}) {
      if (!(metadata.get(field) instanceof YMap map)) {
        continue;
      }
      String what = field.equals("labels") ? "label key" : "annotation key";
      for (YEntry e : map.entries()) {
        String problem = problem(e.name());
        if (problem != null) {
          ctx.report(
              SchemaRules.SCHEMA,
              e.key().span(),
              what + " " + Render.value(e.name()) + " is not a qualified name: " + problem,
              metaPath.child(field).child(e.name()));
        }
      }
    }
  }

  /** What is wrong with a key, or null when it is a qualified name. */
  static String problem(String key) {
    int slash = key.indexOf('/');
    String prefix = slash < 0 ? null : key.substring(0, slash);
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (prefix != null) {
      if (prefix.isEmpty()) {
        return "the prefix before '/' is empty";
      }
      if (prefix.length() > 253 || !PREFIX.matcher(prefix).matches()) {
        return "the prefix '"
            + prefix
            + "' must be a lowercase DNS subdomain of at most 253 characters";
      }
    }
    if (name.isEmpty()) {
      return "the name is empty";
    }
    if (name.length() > 63) {
      return "the name part must be at most 63 characters, is " + name.length();
    }
    if (!NAME.matcher(name).matches()) {
      return "the name part may contain only letters, digits, '-', '_' and '.', and must begin and end"
          + " with a letter or digit";
    }
    return null;
  }
}
