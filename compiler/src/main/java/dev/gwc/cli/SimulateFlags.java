package dev.gwc.cli;

import dev.gwc.convert.Provider;
import dev.gwc.traffic.RequestFile;
import dev.gwc.traffic.RequestSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code gwc simulate} (and of its {@code --compare} mode). */
final class SimulateFlags {

  @Option(
      names = "--request",
      paramLabel = "'METHOD URL'",
      description = "The request, e.g. 'GET http://a.example/path?x=1'.")
  String request;

  @Option(
      names = "-H",
      paramLabel = "'NAME: VALUE'",
      description = "A request header (repeatable).")
  List<String> headers = new ArrayList<>();

  @Option(
      names = "--gateway",
      paramLabel = "NS/NAME",
      description = "The Gateway to send to (default: every Gateway with a listener on the port).")
  String gateway;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output for --request: text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @picocli.CommandLine.Mixin SeedFlag seed;

  @Option(
      names = "--requests",
      paramLabel = "FILE",
      description = "Replay a JSON Lines file of requests; prints one JSON result a line.")
  Path requests;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      defaultValue = "jsonl",
      description =
          "Format of the --requests file: jsonl, or combined (an nginx/Apache access log; the host"
              + " comes from absolute URLs or a leading host:port field as in vhost_combined).")
  String logFormat;

  @Option(
      names = "--expect",
      paramLabel = "FILE",
      description =
          "Replay a JSON Lines file whose lines carry an \"expect\" object; exit 1 with a diff per"
              + " line whose result differs.")
  Path expect;

  @Option(
      names = "--convert",
      description =
          "Convert the input's Ingresses to Gateway API first (as gwc convert does) and route the"
              + " conversion; without it, Ingresses are routed as ingress-nginx routes them.")
  boolean convert;

  @Option(
      names = "--provider",
      paramLabel = "PROVIDER",
      defaultValue = "ingress-nginx",
      description =
          "With --convert: what to convert, ingress-nginx (the input's Ingresses; default:"
              + " ${DEFAULT-VALUE}) or istio (its Istio Gateways and VirtualServices).")
  String provider;

  @Option(
      names = "--compare",
      paramLabel = "OLD",
      description =
          "Migration check: route the same requests through OLD (as it is: Ingresses as"
              + " ingress-nginx) and through PATH... (with --convert, its Ingresses converted), and"
              + " report every request that lands differently (status, backend, redirect, upstream"
              + " path or host). Requests: probes generated from the rules of both, plus --requests"
              + " FILE. Exit 1 when any differs. Repeatable.")
  List<String> compare = new ArrayList<>();

  @picocli.CommandLine.Mixin IngressClassFlag ingress;

  @Option(
      names = "--timings",
      hidden = true,
      description = "Print the wall time of the parts of the run on stderr.")
  boolean timings;

  /** The requests to send: the one of --request, or the lines of --requests / --expect. */
  List<RequestFile.Entry> entries() throws UsageException {
    checkProvider();
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("unknown --format '" + format + "'; use text or json");
    }
    int given = (request != null ? 1 : 0) + (requests != null ? 1 : 0) + (expect != null ? 1 : 0);
    if (given != 1) {
      throw new UsageException("give exactly one of --request, --requests FILE or --expect FILE");
    }
    if (request != null) {
      try {
        return List.of(RequestSource.single(request, headers));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    if (!headers.isEmpty()) {
      throw new UsageException("-H goes with --request; in a requests file, use \"headers\"");
    }
    if (!logFormat.equals("jsonl") && !logFormat.equals("combined")) {
      throw new UsageException("unknown --log-format '" + logFormat + "'; use jsonl or combined");
    }
    if (logFormat.equals("combined") && requests == null) {
      throw new UsageException("--log-format combined goes with --requests");
    }
    return file(requestFile());
  }

  /** The lines of a request file, in the --log-format; a file that cannot be read is exit 2. */
  List<RequestFile.Entry> file(Path file) throws UsageException {
    try {
      return RequestSource.file(file, logFormat.equals("combined"));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * What --convert converts (its provider), or null without --convert.
   *
   * @throws IllegalArgumentException for an unknown --provider (checked first by {@link #entries})
   */
  Provider converting() {
    if (!convert) {
      return null;
    }
    Provider p = Provider.parse(provider);
    return p == Provider.ISTIO ? Provider.ISTIO : Provider.INGRESS_NGINX;
  }

  /** Checks --provider. */
  void checkProvider() throws UsageException {
    Provider p = Provider.parse(provider);
    if (p != Provider.INGRESS_NGINX && p != Provider.ISTIO) {
      throw new UsageException("unknown --provider '" + provider + "'; use ingress-nginx or istio");
    }
  }

  /** The file of --requests or --expect. */
  Path requestFile() {
    return requests != null ? requests : expect;
  }
}
