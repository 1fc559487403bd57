package dev.gwc.traffic;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.gwc.table.HeaderList;
import dev.gwc.table.Request;
import java.util.List;

/**
 * Requests from an nginx/Apache access log in the combined format ({@code addr ident user [time]
 * "METHOD target PROTO" status bytes "referer" "user-agent"}). The combined format does not log the
 * host, so each line needs one from somewhere: an absolute target ({@code GET http://a.example/x
 * HTTP/1.1}), or a leading {@code host:port} field as Apache's {@code vhost_combined} writes it.
 */
public final class AccessLog {
  private AccessLog() {}

  private static final Pattern LINE =
      Pattern.compile(
          "^([^\\[]*)\\[[^\\]]*\\] \"([^\"]*)\" (?:\\d{3}|-) \\S+"
              + "(?: \"((?:[^\"\\\\]|\\\\.)*)\" \"((?:[^\"\\\\]|\\\\.)*)\")?");

  /** Reads every non-blank line; a line that is not a request says why in its entry. */
  public static List<RequestFile.Entry> read(String text) {
    return Lines.read(
        text, (number, line) -> new RequestFile.Entry(number, null, request(line), null, null));
  }

  private static Request request(String line) {
    Matcher m = LINE.matcher(line);
    if (!m.find()) {
      throw new IllegalArgumentException("not a combined log line");
    }
    String[] prefix = m.group(1).strip().split(" +");
    String[] req = m.group(2).split(" ");
    if (req.length < 2) {
      throw new IllegalArgumentException("request '" + m.group(2) + "' has no target");
    }
    HeaderList headers = HeaderList.EMPTY;
    if (m.group(3) != null && !m.group(3).equals("-")) {
      headers = headers.add("Referer", m.group(3));
    }
    if (m.group(4) != null && !m.group(4).equals("-")) {
      headers = headers.add("User-Agent", m.group(4));
    }
    String target = req[1];
    if (target.startsWith("http://") || target.startsWith("https://")) {
      return Request.fromUrl(req[0], target, headers, HeaderList.EMPTY);
    }
    if (prefix.length < 4 || !target.startsWith("/")) {
      throw new IllegalArgumentException(
          "no host: the combined format does not log one; log absolute URLs or use"
              + " vhost_combined (host:port first)");
    }
    String vhost = prefix[0];
    String scheme = vhost.endsWith(":443") ? "https" : "http";
    return Request.fromUrl(req[0], scheme + "://" + vhost + target, headers, HeaderList.EMPTY);
  }
}
