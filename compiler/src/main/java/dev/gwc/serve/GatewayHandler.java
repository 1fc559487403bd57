package dev.gwc.serve;

import dev.gwc.output.Values;
import dev.gwc.sim.Result;
import dev.gwc.sim.Router;
import dev.gwc.table.HeaderList;
import dev.gwc.table.HostHeader;
import dev.gwc.table.Request;
import java.net.ConnectException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientConnectionFactory;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.ClientConnectionFactoryOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request through the routing table: routed as {@code gwc simulate} routes it, then answered by
 * the proxy (a redirect, an error, the echo backend) or forwarded, streamed both ways, to the
 * upstream configured for its backend and to no other address. Jetty's proxy module does the
 * forwarding; this class decides where and with which headers.
 */
final class GatewayHandler extends ProxyHandler {
  /** Request headers that belong to one connection and are not passed on. */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "transfer-encoding",
          "upgrade",
          "te",
          "trailer",
          "host",
          "content-length",
          "expect",
          "http2-settings");

  // Request attributes: the routing result, the upstream URL, a body read whole, the log label.
  private static final String RESULT = "gwc.result";
  private static final String TARGET = "gwc.target";
  private static final String BODY = "gwc.body";
  private static final String LOGGED_AS = "gwc.request";

  private final Router router;
  private final Router tracing;
  private final String gateway;
  private final Map<String, URI> upstreams;
  private final Proxy.Limits limits;
  private final Consumer<String> log;
  private final IntPredicate httpsOn;
  private final IntUnaryOperator hostPortMeans;

  /**
   * @param gateway {@code namespace/name} of the only Gateway to route through, or null
   * @param httpsOn whether a Gateway port has an HTTPS listener (requests on it are {@code https})
   * @param hostPortMeans the Gateway port that the port of a Host header names, on a connection
   *     bound to no Gateway port
   */
  GatewayHandler(
      Router router,
      String gateway,
      Map<String, URI> upstreams,
      Proxy.Limits limits,
      Consumer<String> log,
      IntPredicate httpsOn,
      IntUnaryOperator hostPortMeans) {
    this.router = router.withoutTraces();
    this.tracing = router;
    this.gateway = gateway;
    this.upstreams = Map.copyOf(upstreams);
    this.limits = limits;
    this.log = log;
    this.httpsOn = httpsOn;
    this.hostPortMeans = hostPortMeans;
  }

  /** A client that speaks HTTP/1.1 to upstreams, and HTTP/2 in clear text for gRPC. */
  @Override
  protected HttpClient newHttpClient() {
    ClientConnector connector = new ClientConnector();
    return new HttpClient(
        new HttpClientTransportDynamic(
            connector,
            HttpClientConnectionFactory.HTTP11,
            new ClientConnectionFactoryOverHTTP2.HTTP2(new HTTP2Client(connector))));
  }

  @Override
  protected void configureHttpClient(HttpClient client) {
    super.configureHttpClient(client);
    client.setConnectTimeout(limits.connectTimeout().toMillis());
    client.setFollowRedirects(false);
  }

  @Override
  public boolean handle(
      org.eclipse.jetty.server.Request request, Response response, Callback callback) {
    int gatewayPort = Proxy.gatewayPort(request);
    request.setAttribute(LOGGED_AS, Logs.escape(request.getMethod() + " " + request.getHttpURI()));
    if (request.getMethod().equals("CONNECT")) {
      // A forward proxy's tunnel: gwc serve stands in for a Gateway and opens none.
      response.getHeaders().put("allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      return answer(
          request,
          response,
          callback,
          405,
          "CONNECT is not served: gwc serve is a gateway, not a tunnel");
    }
    long declared = request.getLength();
    if (declared > limits.maxBodyBytes()) {
      return tooLarge(request, response, callback);
    }
    Request req;
    Result r;
    try {
      req = request(request, gatewayPort);
      request.setAttribute(LOGGED_AS, Logs.escape(req.display()));
      r = router.one(gateway, req);
    } catch (RuntimeException e) {
      // A request the proxy cannot route (say, a malformed Host header) gets a 400, not a crash.
      return answer(request, response, callback, 400, String.valueOf(e.getMessage()));
    }
    request.setAttribute(RESULT, r);
    if (r.location() != null || r.backend() == null || r.status() != 200) {
      r.response().entries().forEach(h -> response.getHeaders().add(h.name(), h.value()));
      if (r.location() != null) {
        response.getHeaders().put(HttpHeader.LOCATION, r.location());
      }
      // Routing skips the trace; an answer of the proxy's own says why from it.
      List<String> trace = tracing.one(gateway, req).trace();
      String why = trace.isEmpty() ? "" : trace.get(trace.size() - 1);
      return answer(request, response, callback, r.status(), why);
    }
    URI upstream = upstreams.get(backend(r));
    if (upstream == null) {
      return echo(request, response, callback, r);
    }
    URI target = UpstreamUrls.target(upstream, r.upstream().path());
    if (target == null) {
      return answer(
          request,
          response,
          callback,
          502,
          "the rewritten path '" + r.upstream().path() + "' is not a valid URL path");
    }
    request.setAttribute(TARGET, target);
    if (declared < 0 && hasBody(request)) {
      // A body of unknown length is read whole (up to the limit) first: an upstream never sees
      // part of a body that turns out too large.
      Content.Source.asByteArrayAsync(request, (int) Math.min(limits.maxBodyBytes(), 1L << 30))
          .whenComplete(
              (bytes, failure) -> {
                if (failure != null) {
                  tooLarge(request, response, callback);
                } else {
                  request.setAttribute(BODY, bytes);
                  super.handle(request, response, callback);
                }
              });
      return true;
    }
    return super.handle(request, response, callback);
  }

  private static boolean hasBody(org.eclipse.jetty.server.Request request) {
    return request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
  }

  private static String backend(Result r) {
    return r.backend().namespace() + "/" + r.backend().name();
  }

  /**
   * The request as the Gateway would route it. The path's dot-segments are removed first (also
   * percent-encoded dots), as Envoy-based gateways normalise paths by default, so that {@code
   * /public/../admin} is routed as {@code /admin}, the path the upstream will serve. A request
   * target in absolute form ({@code GET http://host/path}, as sent to a proxy) names the host
   * itself; its authority only picks the route, never where the proxy connects.
   */
  private Request request(org.eclipse.jetty.server.Request request, int gatewayPort) {
    HttpURI uri = request.getHttpURI();
    String authority = uri.getAuthority();
    HostHeader split = HostHeader.of(authority == null ? "localhost" : authority);
    int port =
        gatewayPort != 0
            ? gatewayPort
            : split.port() <= 0
                ? 80
                : split.port() == org.eclipse.jetty.server.Request.getLocalPort(request)
                    ? hostPortMeans.applyAsInt(split.port())
                    : split.port();
    String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
    HeaderList headers = HeaderList.EMPTY;
    for (HttpField f : request.getHeaders()) {
      String name = f.getLowerCaseName();
      if (!name.equals("host")) {
        headers = headers.add(name, f.getValue());
      }
    }
    return new Request(
        request.getMethod(),
        httpsOn.test(port) ? "https" : "http",
        split.host(),
        port,
        UpstreamUrls.removeDotSegments(path),
        uri.getQuery(),
        headers,
        HeaderList.EMPTY,
        serverName(request));
  }

  /** The TLS server name the client sent, or null (plain HTTP, or no SNI). */
  private static String serverName(org.eclipse.jetty.server.Request request) {
    if (request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData d
        && d.sslSession() instanceof ExtendedSSLSession session) {
      for (SNIServerName name : session.getRequestedServerNames()) {
        if (name instanceof SNIHostName host) {
          return host.getAsciiName();
        }
      }
    }
    return null;
  }

  @Override
  protected HttpURI rewriteHttpURI(org.eclipse.jetty.server.Request request) {
    return HttpURI.from((URI) request.getAttribute(TARGET));
  }

  @Override
  protected org.eclipse.jetty.client.Request newProxyToServerRequest(
      org.eclipse.jetty.server.Request request, HttpURI target) {
    Result r = (Result) request.getAttribute(RESULT);
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    boolean grpc = type != null && type.startsWith("application/grpc");
    return super.newProxyToServerRequest(request, target)
        .version(grpc ? HttpVersion.HTTP_2 : HttpVersion.HTTP_1_1)
        .method(r.upstream().method())
        .timeout(limits.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The headers as the route's filters left them, not the client's. */
  @Override
  protected void copyRequestHeaders(
      org.eclipse.jetty.server.Request request, org.eclipse.jetty.client.Request toUpstream) {
    Result.Upstream up = ((Result) request.getAttribute(RESULT)).upstream();
    toUpstream.headers(
        h -> {
          for (HeaderList.Header header : up.headers().entries()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            // "te: trailers" is end to end for gRPC, whose status comes in trailers.
            boolean teTrailers = name.equals("te") && header.value().equalsIgnoreCase("trailers");
            if (!HOP_BY_HOP.contains(name) || teTrailers) {
              h.add(header.name(), header.value());
            }
          }
          h.put("x-forwarded-host", up.host());
          if (request.getLength() >= 0) {
            h.put(HttpHeader.CONTENT_LENGTH, request.getLength());
          }
        });
  }

  @Override
  protected org.eclipse.jetty.client.Request.Content newProxyToServerRequestContent(
      org.eclipse.jetty.server.Request request,
      Response response,
      org.eclipse.jetty.client.Request toUpstream) {
    byte[] body = (byte[]) request.getAttribute(BODY);
    return body == null
        ? super.newProxyToServerRequestContent(request, response, toUpstream)
        : new BytesRequestContent(body);
  }

  @Override
  protected org.eclipse.jetty.client.Response.CompleteListener newServerToProxyResponseListener(
      org.eclipse.jetty.server.Request request,
      org.eclipse.jetty.client.Request toUpstream,
      Response response,
      Callback callback) {
    return new ProxyResponseListener(request, toUpstream, response, callback) {
      @Override
      public void onHeaders(org.eclipse.jetty.client.Response fromUpstream) {
        super.onHeaders(fromUpstream);
        // What ResponseHeaderModifier filters set, over the upstream's own.
        Result r = (Result) request.getAttribute(RESULT);
        HttpFields.Mutable headers = response.getHeaders();
        r.response().asMap().forEach((name, values) -> headers.put(name, values));
        // Trailers (gRPC's status) follow the body, for a client that takes them ("te:
        // trailers"); they have arrived when the last write asks for them.
        String te = request.getHeaders().get("te");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("trailers")) {
          response.setTrailersSupplier(
              () ->
                  fromUpstream.getTrailers() == null
                      ? HttpFields.EMPTY
                      : fromUpstream.getTrailers());
        }
      }
    };
  }

  @Override
  protected void onProxyToClientResponseComplete(
      org.eclipse.jetty.server.Request request,
      org.eclipse.jetty.client.Request toUpstream,
      org.eclipse.jetty.client.Response fromUpstream,
      Response response,
      Callback callback) {
    logLine(request, response.getStatus());
    super.onProxyToClientResponseComplete(request, toUpstream, fromUpstream, response, callback);
  }

  @Override
  protected void onServerToProxyResponseFailure(
      org.eclipse.jetty.server.Request request,
      org.eclipse.jetty.client.Request toUpstream,
      org.eclipse.jetty.client.Response fromUpstream,
      Response response,
      Callback callback,
      Throwable failure) {
    if (response.isCommitted()) {
      logLine(request, response.getStatus());
      callback.failed(failure);
      return;
    }
    URI upstream = upstreams.get(backend((Result) request.getAttribute(RESULT)));
    Throwable cause = rootCause(failure);
    if (cause instanceof TimeoutException
        || cause instanceof java.net.SocketTimeoutException
        || String.valueOf(cause.getMessage()).contains("timeout")) {
      boolean connecting =
          String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("connect");
      String what =
          connecting
              ? "did not accept a connection within " + limits.connectTimeout().toMillis() + " ms"
              : "did not answer within " + limits.responseTimeout().toMillis() + " ms";
      answer(request, response, callback, 504, "upstream " + upstream + " " + what);
    } else {
      String why =
          cause instanceof ConnectException
              ? "connection refused"
              : String.valueOf(cause.getMessage());
      answer(request, response, callback, 502, "upstream " + upstream + ": " + why);
    }
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c instanceof ConnectException || c instanceof TimeoutException ? c : t;
  }

  private boolean tooLarge(
      org.eclipse.jetty.server.Request request, Response response, Callback callback) {
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    return answer(
        request,
        response,
        callback,
        413,
        "request body larger than " + limits.maxBodyBytes() + " bytes (--max-body-size)");
  }

  /** The built-in backend: JSON describing the request as the backend receives it. */
  private boolean echo(
      org.eclipse.jetty.server.Request request, Response response, Callback callback, Result r) {
    Map<String, Object> backend = new LinkedHashMap<>();
    backend.put("kind", r.backend().kind());
    backend.put("namespace", r.backend().namespace());
    backend.put("name", r.backend().name());
    backend.put("port", r.backend().port() == null ? null : (long) r.backend().port());
    if (r.backend().subset() != null) {
      backend.put("subset", r.backend().subset()); // Istio's DestinationRule subset
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("backend", backend);
    json.put(
        "gateway", r.gateway() == null ? null : r.gateway().namespace() + "/" + r.gateway().name());
    json.put("listener", r.listener());
    if (r.route() != null) {
      json.put(
          "route",
          r.route().kind()
              + " "
              + r.route().namespace()
              + "/"
              + r.route().name()
              + " rule "
              + r.route().rule());
    }
    Result.Upstream up = r.upstream();
    json.put("method", up.method());
    json.put("host", up.host());
    json.put("path", up.path());
    json.put("headers", up.headers().asMap());
    r.response().asMap().forEach((name, values) -> response.getHeaders().put(name, values));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    byte[] body = (Values.json(json) + "\n").getBytes(StandardCharsets.UTF_8);
    return send(request, response, callback, 200, body);
  }

  /** An answer of the proxy's own: one line of text. */
  private boolean answer(
      org.eclipse.jetty.server.Request request,
      Response response,
      Callback callback,
      int status,
      String message) {
    byte[] body = ("gwc serve: " + message + "\n").getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    return send(request, response, callback, status, body);
  }

  /** Logs the request with the status the client gets, then sends the response. */
  private boolean send(
      org.eclipse.jetty.server.Request request,
      Response response,
      Callback callback,
      int status,
      byte[] body) {
    logLine(request, status);
    response.setStatus(status);
    boolean noBody = request.getMethod().equals("HEAD") || status == 204 || status == 304;
    if (noBody || body.length == 0) {
      response.write(true, null, callback);
    } else {
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
      response.write(true, ByteBuffer.wrap(body), callback);
    }
    return true;
  }

  private void logLine(org.eclipse.jetty.server.Request request, int status) {
    Result r = (Result) request.getAttribute(RESULT);
    String backend = r == null || r.backend() == null ? "" : " -> " + backend(r);
    log.accept(request.getAttribute(LOGGED_AS) + "  " + status + backend);
  }
}
