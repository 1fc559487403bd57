package dev.gwc.traffic;

import dev.gwc.table.DataPlanes;
import dev.gwc.table.Request;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          file + " is not UTF-8 text; request files are JSON Lines or access logs");
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("cannot read " + file + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
    return combined ? AccessLog.read(text) : RequestFile.read(text);
  }

  /**
   * The entries, with a line that names a Gateway the set does not have made unreadable (so that it
   * is answered like any other bad line).
   */
  public static List<RequestFile.Entry> withKnownGateways(
      List<RequestFile.Entry> entries, DataPlanes planes, String defaultNamespace) {
    List<RequestFile.Entry> out = new ArrayList<>(entries.size());
    for (RequestFile.Entry e : entries) {
      if (e.readable() && e.gateway() != null && !planes.isIngressClass(e.gateway())) {
        try {
          planes.gateway(e.gateway(), defaultNamespace);
        } catch (IllegalArgumentException unknown) {
          e = RequestFile.Entry.unreadable(e.line(), unknown.getMessage());
        }
      }
      out.add(e);
    }
    return out;
  }
}
