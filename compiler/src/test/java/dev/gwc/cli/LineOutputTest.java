package dev.gwc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replayed results written as bytes under the writer: the same output as through the writer. */
class LineOutputTest {
  @TempDir Path tmp;

  @Test
  void bytesUnderTheWriterGiveWhatTheWriterGives() throws IOException {
    Path requests =
        Files.writeString(
            tmp.resolve("r.jsonl"),
            "{\"host\":\"www.shop.example.com\",\"path\":\"/cart\"}\n"
                + "{\"scheme\":\"https\",\"host\":\"www.shop.example.com\",\"port\":443,"
                + "\"path\":\"/api/é\",\"headers\":{\"x-api-version\":\"2\"}}\n");
    String[] args = {
      "simulate", "--requests", requests.toString(), Gwc.root().resolve("examples/shop").toString()
    };
    Gwc.Run viaWriter = Gwc.run(args);
    assertEquals(0, viaWriter.exit(), viaWriter.err());

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
    out.print("before\n"); // what the command printed first stays first
    StringWriter err = new StringWriter();
    int code = Main.run(args, out, bytes, new PrintWriter(err), InputStream.nullInputStream());
    out.flush();
    assertEquals(0, code, err.toString());
    assertEquals("before\n" + viaWriter.out(), bytes.toString(StandardCharsets.UTF_8));
    assertEquals(viaWriter.err(), err.toString());
  }

  @Test
  void aClosedOutputStopsTheLinesQuietly() throws IOException {
    Path requests =
        Files.writeString(
            tmp.resolve("r.jsonl"),
            "{\"host\":\"www.shop.example.com\",\"path\":\"/\"}\n".repeat(50));
    OutputStream closed =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "simulate",
              "--requests",
              requests.toString(),
              Gwc.root().resolve("examples/shop").toString()
            },
            new PrintWriter(new OutputStreamWriter(closed, StandardCharsets.UTF_8)),
            closed,
            new PrintWriter(err),
            InputStream.nullInputStream());
    assertEquals(0, code, err.toString());
    assertTrue(err.toString().startsWith("50 requests"), err.toString());
  }
}
