package dev.gwc.output;

import dev.gwc.diag.Diagnostic;
import dev.gwc.diag.Severity;
import dev.gwc.pipeline.Report;
import java.io.PrintWriter;

/** The contract's JSON: {@code {"diagnostics": [...], "summary": {...}}}. */
final class JsonRenderer implements Renderer {
  @Override
  public void render(Report report, PrintWriter out) {
    JsonWriter w = new JsonWriter(true);
    w.beginObject().name("diagnostics").beginArray();
    for (Diagnostic d : report.diagnostics().all()) {
      w.beginObject()
          .field("severity", d.severity().label())
          .field("rule", d.rule())
          .field("message", d.message())
          .field("file", d.span().file());
      positionField(w, "line", d.span().line());
      positionField(w, "column", d.span().column());
      w.field("document", d.span().document())
          .field("kind", d.resource().kind())
          .field("namespace", d.resource().namespace())
          .field("name", d.resource().name())
          .field("path", d.fieldPath())
          .endObject();
    }
    w.endArray();
    w.name("summary")
        .beginObject()
        .field("files", report.files())
        .field("resources", report.resources())
        .field("errors", report.diagnostics().count(Severity.ERROR))
        .field("warnings", report.diagnostics().count(Severity.WARNING))
        .field("infos", report.diagnostics().count(Severity.INFO))
        .endObject();
    w.endObject();
    out.println(w);
  }

  /** Unknown positions are null rather than 0. */
  private static void positionField(JsonWriter w, String name, int v) {
    w.name(name);
    if (v > 0) {
      w.value(v);
    } else {
      w.nullValue();
    }
  }
}
