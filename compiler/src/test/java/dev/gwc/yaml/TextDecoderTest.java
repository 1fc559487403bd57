package dev.gwc.yaml;

import static dev.gwc.yaml.YamlTesting.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.diag.Diagnostic;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Input is strict UTF-8 with an optional byte order mark; anything else is one diagnostic. */
class TextDecoderTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // text before | bad bytes (hex) | text after | line | offending byte
        "a: 1\\nb:     | c328     | \\nc: 3            | 2 | 0xc3",
        "a: 1\\nb: 2\\nc: | e9       | t\\u00e9\\nd: 4   | 3 | 0xe9",
        "a: 1\\nb:     | eda080   | \\nc: 3\\nd: 4     | 2 | 0xed",
        "a:            | c080     | \\nb: 1            | 1 | 0xc0",
        "a: 1\\nb:     | f4908080 | \\n               | 2 | 0xf4",
        "a: 1\\nb:     | ff       | \\n               | 2 | 0xff",
        "a: 1\\n\\n\\nb: | 80      | \\n               | 4 | 0x80",
        "a: 1\\nb:     | e282     | ''                | 2 | 0xe2",
        "\\u00e9: 1\\nb: | bf      | \\n               | 2 | 0xbf",
      })
  void invalidUtf8_anywhere_reportsInvalidEncodingAtTheBadBytesLine(
      String before, String hex, String after, int line, String bad) {
    byte[] bytes =
        concat(text(before), HexFormat.of().parseHex(hex), text(after.replace("''", "")));
    TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
    assertNull(decoded.text());
    assertEquals(line, decoded.line());

    LoadResult r = YamlLoader.load("in.yaml", bytes);
    Diagnostic d = single(r);
    assertEquals("invalid-encoding", d.rule());
    assertEquals(line, d.span().line());
    assertEquals(1, d.span().column());
    int offset = text(before).length;
    assertTrue(d.message().contains("byte " + bad + " at offset " + offset), d.message());
    assertTrue(d.message().contains("save the file as UTF-8"), d.message());
    assertEquals(List.of(), r.documents());
    assertNull(r.source());
  }

  @ParameterizedTest(name = "[{index}] NUL at {0}")
  @CsvSource({"0, 1", "5, 2", "11, 3"})
  void nulByte_anywhere_reportsBinaryFileAtItsLine(int offset, int line) {
    byte[] bytes = text("a: 1\nb: 2\nc: 3\n");
    bytes[offset] = 0;
    Diagnostic d = single(YamlLoader.load("in.yaml", bytes));
    assertEquals("invalid-encoding", d.rule());
    assertEquals(line, d.span().line());
    assertEquals("binary file (NUL byte at offset " + offset + ")", d.message());
  }

  @Test
  void utf16WithBom_notUtf8_reportsInvalidEncoding() {
    byte[] bytes = "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_16LE);
    assertEquals("invalid-encoding", single(YamlLoader.load("in.yaml", bytes)).rule());
  }

  @Test
  void utf8Bom_dropped() {
    byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text("a: 1\n"));
    assertEquals("a: 1\n", TextDecoder.decode(bytes).text());
  }

  @Test
  void utf8Bom_only_isEmptyText() {
    byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    assertEquals("", TextDecoder.decode(bytes).text());
    LoadResult r = YamlLoader.load("in.yaml", bytes);
    assertEquals(List.of(), r.documents());
    assertEquals(List.of(), r.diagnostics());
  }

  @Test
  void invalidUtf8_afterBom_offsetCountsTheBom() {
    byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text("a: "));
    bytes = concat(bytes, new byte[] {(byte) 0xFE});
    assertTrue(
        single(YamlLoader.load("in.yaml", bytes)).message().contains("byte 0xfe at offset 6"));
  }

  @Test
  void validUtf8_allPlanes_decodedUnchanged() {
    String s = "a: \u00e9\u4e2d\uD83D\uDE00\n";
    TextDecoder.Decoded d = TextDecoder.decode(text(s));
    assertEquals(s, d.text());
    assertNull(d.problem());
    assertEquals(0, d.line());
  }

  @Test
  void emptyInput_isEmptyText() {
    assertEquals("", TextDecoder.decode(new byte[0]).text());
  }

  private static byte[] text(String escaped) {
    return escaped
        .replace("\\n", "\n")
        .replace("\\u00e9", "\u00e9")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
