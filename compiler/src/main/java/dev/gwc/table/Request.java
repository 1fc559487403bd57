package dev.gwc.table;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A request sent to a Gateway.
 *
 * @param method the HTTP method (upper case as written)
 * @param scheme http, https, or for Layer 4 listeners tls, tcp or udp
 * @param host the host (lower case, without port); also the TLS server name
 * @param port the port the request is sent to
 * @param path the path, without the query
 * @param query the raw query string, or null when there is none
 * @param headers the request headers
 * @param backendResponse headers the backend answers with, to which ResponseHeaderModifier filters
 *     apply (empty unless a test gives them)
 * @param sni for https, the TLS server name when it differs from the host (a client reusing an
 *     HTTP/2 connection for another host; curl with a Host header), else null
 */
public record Request(
    String method,
    String scheme,
    String host,
    int port,
    String path,
    String query,
    HeaderList headers,
    HeaderList backendResponse,
    String sni) {

  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  public Request {
    if (path.isEmpty()) {
      path = "/";
    }
    host = host.toLowerCase(Locale.ROOT);
    sni = sni == null || sni.equalsIgnoreCase(host) ? null : sni.toLowerCase(Locale.ROOT);
  }

  /** A request whose TLS server name is its host. */
  public Request(
      String method,
      String scheme,
      String host,
      int port,
      String path,
      String query,
      HeaderList headers,
      HeaderList backendResponse) {
    this(method, scheme, host, port, path, query, headers, backendResponse, null);
  }

  /** This request with another TLS server name (null: the host). */
  public Request withSni(String serverName) {
    return new Request(
        method, scheme, host, port, path, query, headers, backendResponse, serverName);
  }

  /** {@code GET https://a.example:443/x?y=1}: how traces, logs and reports name the request. */
  public String display() {
    return method + " " + scheme + "://" + host + ":" + port + pathAndQuery();
  }

  /** The path with its query, as a request line carries it. */
  public String pathAndQuery() {
    return query == null ? path : path + "?" + query;
  }

  /** The well-known port of a scheme, or -1. */
  public static int defaultPort(String scheme) {
    return switch (scheme) {
      case "http" -> 80;
      case "https" -> 443;
      default -> -1;
    };
  }

  /**
   * Reads {@code "METHOD URL"} and {@code "Name: value"} header lines.
   *
   * @throws IllegalArgumentException with a one-line message when either is malformed
   */
  public static Request parse(String requestLine, List<String> headerLines) {
    String line = requestLine.strip();
    int space = line.indexOf(' ');
    if (space < 0) {
      throw new IllegalArgumentException(
          "--request '" + requestLine + "' is not \"METHOD URL\" (e.g. \"GET http://a.example/\")");
    }
    String method = line.substring(0, space);
    String url = line.substring(space + 1).strip();
    if (!TOKEN.matcher(method).matches()) {
      throw new IllegalArgumentException("--request method '" + method + "' is not a valid token");
    }
    List<HeaderList.Header> headers = new ArrayList<>();
    for (String h : headerLines) {
      int colon = h.indexOf(':');
      String name = colon < 0 ? "" : h.substring(0, colon).strip();
      if (colon < 0 || !TOKEN.matcher(name).matches()) {
        throw new IllegalArgumentException("-H '" + h + "' is not \"Name: value\"");
      }
      headers.add(new HeaderList.Header(name, h.substring(colon + 1).strip()));
    }
    Request r = fromUrl(method, url, new HeaderList(headers), HeaderList.EMPTY);
    String host = r.headers().joined("host");
    if (host == null) {
      return r;
    }
    // A Host header routes the request, as curl sends it: the URL then only says where to connect,
    // and for https the TLS server name it sends.
    String name = HostHeader.of(host).host();
    return new Request(
        r.method(),
        r.scheme(),
        name,
        r.port(),
        r.path(),
        r.query(),
        r.headers().remove("host"),
        r.backendResponse(),
        r.scheme().equals("https") ? r.host() : null);
  }

  /**
   * A request to {@code scheme://host[:port]/path?query}.
   *
   * @throws IllegalArgumentException when the URL is malformed
   */
  public static Request fromUrl(
      String method, String url, HeaderList headers, HeaderList backendResponse) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("URL '" + url + "' is malformed: " + e.getReason());
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "URL '" + url + "' needs a scheme and a host, e.g. http://a.example/path");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme);
    if (port < 0) {
      throw new IllegalArgumentException(
          "URL '" + url + "' needs a port: scheme '" + scheme + "' has no default port");
    }
    String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
    return new Request(
        method, scheme, uri.getHost(), port, path, uri.getRawQuery(), headers, backendResponse);
  }
}
