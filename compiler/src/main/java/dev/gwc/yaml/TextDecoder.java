package dev.gwc.yaml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes input bytes strictly as UTF-8 and says where it is not. */
final class TextDecoder {
  private TextDecoder() {}

  /**
   * The decoded text.
   *
   * @param text the text, or null when the bytes are not UTF-8 text
   * @param problem what is wrong, or null
   * @param line 1-based line of the problem
   */
  record Decoded(String text, String problem, int line) {}

  static Decoded decode(byte[] bytes) {
    int start = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF) {
      start = 3; // a UTF-8 byte order mark is allowed and dropped
    }
    if (bytes.length >= 2
        && (((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)
            || ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF))) {
      return new Decoded(
          null, "UTF-16 text (it starts with a UTF-16 byte order mark); save the file as UTF-8", 1);
    }
    boolean ascii = true;
    for (int i = start; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == 0) {
        return new Decoded(null, "binary file (NUL byte at offset " + i + ")", lineAt(bytes, i));
      }
      ascii &= b > 0;
    }
    if (ascii) {
      // Most manifests: every byte is a character, no decoder needed.
      return new Decoded(
          new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1), null, 0);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      CharBuffer out = decoder.decode(in);
      return new Decoded(out.toString(), null, 0);
    } catch (CharacterCodingException e) {
      int bad = firstInvalid(bytes, start);
      return new Decoded(
          null,
          String.format(
              java.util.Locale.ROOT,
              "not UTF-8 text (byte 0x%02x at offset %d); save the file as UTF-8",
              bytes[bad] & 0xff,
              bad),
          lineAt(bytes, bad));
    }
  }

  /** The offset of the first byte the strict decoder rejects, found by the decoder itself. */
  private static int firstInvalid(byte[] b, int start) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, start, b.length - start);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult r = decoder.decode(in, out, /* endOfInput= */ true);
      if (r.isError()) {
        return in.position();
      }
      if (!r.isOverflow()) {
        return Math.max(start, b.length - 1);
      }
      out.clear();
    }
  }

  private static int lineAt(byte[] b, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < b.length; i++) {
      if (b[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
