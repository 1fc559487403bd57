package dev.gwc.output;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.Rule;
import dev.gwc.pipeline.Report;
import dev.gwc.pipeline.RuleCatalog;
import java.io.PrintWriter;
import java.util.List;

/** SARIF 2.1.0, for code-scanning uploads: one run, every catalog rule, one result per finding. */
final class SarifRenderer implements Renderer {
  private final Tool tool;

  SarifRenderer(Tool tool) {
    this.tool = tool;
  }

  @Override
  public void render(Report report, PrintWriter out) {
    List<Rule> rules = RuleCatalog.all();
    JsonWriter w = new JsonWriter(true);
    w.beginObject()
        .field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        .field("version", "2.1.0")
        .name("runs")
        .beginArray()
        .beginObject();
    w.name("tool")
        .beginObject()
        .name("driver")
        .beginObject()
        .field("name", "gwc")
        .field("version", tool.version())
        .field("semanticVersion", tool.semanticVersion())
        .field("informationUri", "https://gwc.dev");
    w.name("rules").beginArray();
    for (Rule r : rules) {
      w.beginObject()
          .field("id", r.id())
          .name("shortDescription")
          .beginObject()
          .field("text", r.summary())
          .endObject()
          .name("fullDescription")
          .beginObject()
          .field("text", r.summary() + " (" + r.specSection() + ")")
          .endObject()
          .name("defaultConfiguration")
          .beginObject()
          .field("level", Levels.sarif(r.severity()))
          .endObject()
          .field("helpUri", tool.helpUri(r.id()))
          .endObject();
    }
    w.endArray().endObject().endObject();
    w.name("results").beginArray();
    for (Diagnostic d : report.diagnostics().all()) {
      w.beginObject().field("ruleId", d.rule());
      int index = indexOf(rules, d.rule());
      if (index >= 0) {
        w.field("ruleIndex", index);
      }
      w.field("level", Levels.sarif(d.severity()))
          .name("message")
          .beginObject()
          .field("text", d.message())
          .endObject()
          .name("locations")
          .beginArray()
          .beginObject()
          .name("physicalLocation")
          .beginObject()
          .name("artifactLocation")
          .beginObject()
          .field("uri", uri(d.span().file()))
          .endObject();
      if (d.span().line() > 0) {
        w.name("region").beginObject().field("startLine", d.span().line());
        if (d.span().column() > 0) {
          w.field("startColumn", d.span().column());
        }
        w.endObject();
      }
      w.endObject();
      if (d.resource().kind() != null) {
        w.name("logicalLocations")
            .beginArray()
            .beginObject()
            .field(
                "fullyQualifiedName",
                d.resource().display() + (d.fieldPath() == null ? "" : "." + d.fieldPath()))
            .field("kind", "resource")
            .endObject()
            .endArray();
      }
      w.endObject().endArray().endObject();
    }
    w.endArray().endObject().endArray().endObject();
    out.println(w);
  }

  /**
   * A SARIF log for a run that could not read its input: no results, and the reason as a tool
   * execution notification, so that an upload step gets a valid file rather than nothing.
   */
  static String failure(Tool tool, String message) {
    JsonWriter w = new JsonWriter(true);
    w.beginObject()
        .field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        .field("version", "2.1.0")
        .name("runs")
        .beginArray()
        .beginObject()
        .name("tool")
        .beginObject()
        .name("driver")
        .beginObject()
        .field("name", "gwc")
        .field("version", tool.version())
        .field("semanticVersion", tool.semanticVersion())
        .field("informationUri", "https://gwc.dev")
        .endObject()
        .endObject()
        .name("invocations")
        .beginArray()
        .beginObject()
        .name("executionSuccessful")
        .value(false)
        .name("toolExecutionNotifications")
        .beginArray()
        .beginObject()
        .field("level", "error")
        .name("message")
        .beginObject()
        .field("text", message)
        .endObject()
        .endObject()
        .endArray()
        .endObject()
        .endArray()
        .name("results")
        .beginArray()
        .endArray()
        .endObject()
        .endArray()
        .endObject();
    return w.toString();
  }

  private static int indexOf(List<Rule> rules, String id) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A file as a relative URI reference: forward slashes, no leading {@code ./}, and every byte
   * outside the unreserved characters and '/' percent-encoded (spaces, '#', '%', non-ASCII).
   */
  static String uri(String file) {
    String f = file.replace('\\', '/');
    f = f.startsWith("./") ? f.substring(2) : f;
    StringBuilder sb = new StringBuilder();
    for (byte b : f.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean keep =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~'
              || c == '/'
              || (c == ':' && sb.length() == 1); // a Windows drive letter
      if (keep) {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format(java.util.Locale.ROOT, "%02X", c));
      }
    }
    return sb.toString();
  }
}
