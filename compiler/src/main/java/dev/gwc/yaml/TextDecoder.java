package dev.gwc.yaml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
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
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return new Decoded(null, "binary file (NUL byte at offset " + i + ")", lineAt(bytes, i));
      }
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
              "not UTF-8 text (byte 0x%02x at offset %d); save the file as UTF-8",
              bytes[bad] & 0xff, bad),
          lineAt(bytes, bad));
    }
  }

  private static int firstInvalid(byte[] b, int start) {
    int i = start;
    while (i < b.length) {
      int c = b[i] & 0xff;
      int extra;
      if (c < 0x80) {
        extra = 0;
      } else if (c >= 0xC2 && c <= 0xDF) {
        extra = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        extra = 2;
      } else if (c >= 0xF0 && c <= 0xF4) {
        extra = 3;
      } else {
        return i;
      }
      for (int k = 1; k <= extra; k++) {
        if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += extra + 1;
    }
    return Math.max(start, b.length - 1);
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
