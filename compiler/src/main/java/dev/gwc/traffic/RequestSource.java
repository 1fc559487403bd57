package dev.gwc.traffic;

import dev.gwc.table.DataPlanes;
import dev.gwc.table.Request;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where {@code gwc simulate} gets its requests: one from the command line, or a file of them. */
public final class RequestSource {
  private RequestSource() {}

  /**
   * The request of {@code --request 'METHOD URL'} and its {@code -H} headers.
   *
   * @throws IllegalArgumentException with a one-line message when either is malformed
   */
  public static RequestFile.Entry single(String requestLine, List<String> headers) {
    return new RequestFile.Entry(0, null, Request.parse(requestLine, headers), null, null);
  }

  /**
   * The lines of a request file: JSON Lines, or with {@code combined} an nginx/Apache access log.
   * Lines that cannot be read are entries that say why.
   *
   * @throws IllegalArgumentException with a one-line message when the file cannot be read at all
   */
  public static List<RequestFile.Entry> file(Path file, boolean combined) {
    Map<Integer, String> notUtf8 = new HashMap<>();
    String text;
    try {
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (CharacterCodingException e) {
        text = decode(Files.readAllBytes(file), notUtf8); // some lines are not UTF-8
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("cannot read " + file + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
    List<RequestFile.Entry> entries = combined ? AccessLog.read(text) : RequestFile.read(text);
    if (notUtf8.isEmpty()) {
      return entries;
    }
    if (notUtf8.size() == entries.size()) {
      throw new IllegalArgumentException(
          file + " is not UTF-8 text; request files are JSON Lines or access logs");
    }
    List<RequestFile.Entry> out = new ArrayList<>(entries.size());
    for (RequestFile.Entry e : entries) {
      String why = notUtf8.get(e.line());
      out.add(why == null ? e : RequestFile.Entry.unreadable(e.line(), why));
    }
    return out;
  }

  /**
   * The text of a file; a line that is not valid UTF-8 is decoded with replacement characters and
   * its number, with why, goes into {@code notUtf8}, so that it alone is answered as unreadable.
   */
  private static String decode(byte[] bytes, Map<Integer, String> notUtf8) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        String why = invalidAt(bytes, start, i);
        if (why != null) {
          notUtf8.put(line, why);
        }
        line++;
        start = i + 1;
      }
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Why bytes {@code [from, to)} are not UTF-8, or null when they are. */
  private static String invalidAt(byte[] bytes, int from, int to) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, to - from));
      return null;
    } catch (CharacterCodingException e) {
      return "not UTF-8 text";
    }
  }

  /**
   * The entries, with a line that names a Gateway the set does not have made unreadable (so that it
   * is answered like any other bad line).
   */
  public static List<RequestFile.Entry> withKnownGateways(
      List<RequestFile.Entry> entries, DataPlanes planes, String defaultNamespace) {
    List<RequestFile.Entry> out = new ArrayList<>(entries.size());
    for (RequestFile.Entry e : entries) {
      if (e.readable()
          && e.gateway() != null
          && !planes.isIngressClass(e.gateway())
          && !planes.isIstio(e.gateway())
          && planes.gateway(e.gateway(), defaultNamespace) == null) {
        e =
            RequestFile.Entry.unreadable(
                e.line(), "unknown gateway '" + e.gateway() + "'; " + planes.knownGateways());
      }
      out.add(e);
    }
    return out;
  }
}
