package dev.gwc.validate;

import dev.gwc.diag.Diagnostic;
import dev.gwc.resource.Manifest;
import dev.gwc.validate.cel.CelEngine;
import dev.gwc.validate.schema.Lookup;
import dev.gwc.validate.schema.SchemaCatalog;
import dev.gwc.validate.schema.SchemaRules;
import dev.gwc.validate.schema.SchemaValidator;
import dev.gwc.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The validate stage: picks the schema of every manifest and runs the schema and CEL layers on it.
 *
 * <p>It consumes manifests and a {@link SchemaCatalog}; it produces diagnostics only. A manifest
 * whose apiVersion or kind is unknown gets one finding that says what would be right (a close
 * apiVersion, the experimental channel, another release); kinds outside the groups gwc validates
 * are noted once at info level. Thread-safe: one instance serves every file of a run.
 */
public final class Validator {
  private final SchemaCatalog catalog;
  private final SchemaValidator schemaValidator;

  public Validator(SchemaCatalog catalog, CelEngine cel) {
    this.catalog = catalog;
    this.schemaValidator = new SchemaValidator(cel, catalog.objectMeta());
  }

  /**
   * One manifest's outcome.
   *
   * @param diagnostics the findings
   * @param value the object with CRD defaults applied (plain maps and lists), or null when no
   *     schema applied
   */
  public record Validated(List<Diagnostic> diagnostics, Object value) {}

  /**
   * Validates one manifest, giving each once-per-run notice once per {@code notices}. Parallel
   * callers pass a set per file and keep the first of each notice in input order ({@link
   * #isNotice}), so that which file carries it does not depend on thread timing.
   */
  public Validated validate(Manifest m, Set<String> notices) {
    List<Diagnostic> out = new ArrayList<>();
    Object value = null;
    Lookup lookup = catalog.lookup(m.apiVersion(), m.kind());
    YNode at = m.root().get("apiVersion") != null ? m.root().get("apiVersion") : m.root();
    YNode kindNode = m.root().get("kind") != null ? m.root().get("kind") : m.root();
    String label = catalog.releaseLabel() + " (" + catalog.channel() + ")";
    Diagnostic missingName = lookup instanceof Lookup.Unknown ? null : m.missingName();
    if (missingName != null) {
      out.add(missingName);
    }
    if (lookup instanceof Lookup.Found f) {
      if (f.version().deprecated()) {
        out.add(
            ValidateRules.DEPRECATED_VERSION.at(
                at.span(),
                "apiVersion '" + m.apiVersion() + "' of " + m.kind() + " is deprecated in " + label,
                m.ref(),
                "apiVersion"));
      }
      SchemaValidator.Result r =
          schemaValidator.validate(
              m.root(),
              f.version().schema(),
              m.ref(),
              f.experimental(),
              catalog.releaseLabel(),
              notices,
              missingName != null);
      out.addAll(r.diagnostics());
      value = r.value();
    } else if (lookup instanceof Lookup.WrongApiVersion w) {
      StringBuilder sb =
          new StringBuilder("unknown apiVersion '")
              .append(m.apiVersion())
              .append("' for kind ")
              .append(m.kind());
      if (w.suggestion() != null) {
        sb.append(" (did you mean '").append(w.suggestion()).append("'?)");
      }
      sb.append("; ").append(label).append(" serves it as ").append(String.join(", ", w.served()));
      out.add(
          ValidateRules.UNKNOWN_API_VERSION.at(at.span(), sb.toString(), m.ref(), "apiVersion"));
      // A typo in the apiVersion should not hide the rest: validate as the suggestion says.
      if (w.suggestion() != null
          && catalog.lookup(w.suggestion(), m.kind()) instanceof Lookup.Found f) {
        out.addAll(
            schemaValidator
                .validate(
                    m.root(),
                    f.version().schema(),
                    m.ref(),
                    f.experimental(),
                    catalog.releaseLabel(),
                    notices,
                    missingName != null)
                .diagnostics());
      }
    } else if (lookup instanceof Lookup.ExperimentalOnly e) {
      out.add(
          SchemaRules.EXPERIMENTAL_ONLY.at(
              kindNode.span(),
              "kind "
                  + m.kind()
                  + " exists only in the experimental channel of "
                  + catalog.releaseLabel()
                  + " ("
                  + String.join(", ", e.apiVersions())
                  + "); validate with --channel experimental",
              m.ref(),
              "kind"));
    } else if (lookup instanceof Lookup.OtherRelease o) {
      out.add(
          ValidateRules.KIND_NOT_IN_RELEASE.at(
              kindNode.span(),
              "kind "
                  + m.kind()
                  + " is not part of "
                  + label
                  + "; bundled releases that have it: "
                  + String.join(", ", o.releases())
                  + " (choose one with --gateway-api-version)",
              m.ref(),
              "kind"));
    } else if (lookup instanceof Lookup.MisspelledKind k) {
      out.add(
          ValidateRules.MISSPELLED_KIND.at(
              kindNode.span(),
              "unknown kind '"
                  + m.kind()
                  + "' for apiVersion '"
                  + m.apiVersion()
                  + "'"
                  + (k.suggestion() == null ? "" : " (did you mean '" + k.suggestion() + "'?)"),
              m.ref(),
              "kind"));
    } else if (notices.add("kind:" + m.apiVersion() + "/" + m.kind())) {
      out.add(
          ValidateRules.UNKNOWN_KIND.at(
              kindNode.span(),
              "kind "
                  + m.kind()
                  + " ("
                  + m.apiVersion()
                  + ") is not validated by gwc; read and otherwise ignored"
                  + (m.group().equals("kustomize.config.k8s.io")
                      ? ". The manifests beside it are read as written: Kustomize's namespace,"
                          + " patches and name prefixes are not applied; to check what it deploys:"
                          + " kubectl kustomize DIR | gwc validate -"
                      : ""),
              m.ref(),
              null));
    }
    return new Validated(out, value);
  }

  /** Whether a diagnostic is a once-per-run notice (an unvalidated kind, a skipped rule). */
  public static boolean isNotice(Diagnostic d) {
    return d.rule().equals(ValidateRules.UNKNOWN_KIND.id())
        || d.rule().equals(SchemaRules.CEL_SKIPPED.id());
  }
}
