package dev.gwc.cli;

import dev.gwc.convert.Conversion;
import dev.gwc.convert.ConvertOptions;
import dev.gwc.convert.Converter;
import dev.gwc.convert.Notification;
import dev.gwc.convert.Provider;
import dev.gwc.pipeline.Options;
import dev.gwc.source.Inputs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code gwc convert}: Ingress to Gateway API, with a notification for all that is not carried. */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Converts Ingress (networking.k8s.io/v1) to Gateway API: one Gateway per ingress class (HTTP"
          + " on port 80, HTTPS on 443 per TLS host), one HTTPRoute per host and namespace with the"
          + " paths merged as ingress-nginx merges them, and the ingress-nginx annotations Gateway"
          + " API can express.",
      "Everything that is not carried over as written is reported on standard error (and with"
          + " --format json in a top-level \"notifications\" array), at the line of the Ingress"
          + " field or annotation."
    },
    footer = {
      "",
      "Examples:",
      "  gwc convert ingresses/ > gateway-api.yaml",
      "  gwc convert --gateway-class eg -o converted/ ingresses/",
      "  gwc convert --format json ingresses/ | jq '.notifications'",
      "",
      "Exit codes: 0 converted (warnings allowed), 1 something could not be converted in a way that"
          + " breaks traffic (or the input has YAML errors), 2 usage error or unreadable input."
    })
final class ConvertCommand implements Callable<Integer>, SharedFlagHelp {
  @ParentCommand GwcCommand parent;

  @Mixin CommonOptions common;

  @Option(
      names = "--provider",
      paramLabel = "PROVIDER",
      defaultValue = "ingress-nginx",
      description =
          "What to convert: common (Ingresses by the Ingress specification only; provider"
              + " annotations are reported, not applied), ingress-nginx (Ingresses with its"
              + " annotations; default: ${DEFAULT-VALUE}) or istio (Istio Gateways and"
              + " VirtualServices, with DestinationRule subsets).")
  String provider;

  @Option(
      names = "--gateway-class",
      paramLabel = "NAME",
      description = "gatewayClassName of the generated Gateways (default: the ingress class name).")
  String gatewayClass;

  @Option(
      names = "--gateway-namespace",
      paramLabel = "NS",
      description =
          "Namespace of the generated Gateways (default: the namespace of the class's Ingresses"
              + " when they share one, else --namespace).")
  String gatewayNamespace;

  @Option(
      names = "--subset-services",
      description =
          "With --provider istio: for each DestinationRule subset a route sends to, generate the"
              + " Service <name>-<subset> from the input's Service, its selector joined by the"
              + " subset's labels (by default the backendRef names that Service and a warning says"
              + " it must exist).")
  boolean subsetServices;

  @Mixin BundleOutput output;

  @Override
  public java.util.Map<String, String> sharedFlagHelp() {
    return java.util.Map.of(
        "PATH",
        "Manifests to convert (Ingresses, or with --provider istio Istio Gateways and"
            + " VirtualServices): files or folders (folders recursively: *.yaml, *.yml,"
            + " *.json), or - for standard input.");
  }

  @Override
  public Integer call() {
    ConvertOptions options;
    try {
      Options common = this.common.toOptions();
      Provider p = Provider.parse(provider);
      if (p == null) {
        throw new UsageException(
            "unknown --provider '" + provider + "'; use common, ingress-nginx or istio");
      }
      output.check();
      options =
          new ConvertOptions(
              p,
              gatewayClass,
              gatewayNamespace,
              common.defaultNamespace(),
              common.release(),
              common.channel(),
              subsetServices);
    } catch (UsageException e) {
      parent.err.println("gwc convert: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    try {
      Conversion c = Converter.convert(Inputs.collect(this.common.paths), parent.in, options);
      NotificationText.print(c, parent.err);
      int code = c.hasErrors() ? ExitCodes.FINDINGS : ExitCodes.OK;
      if (output.outDir != null) {
        output.writeFiles(c.resources(), "gwc convert", parent.err);
        return code;
      }
      Map<String, Object> list = new LinkedHashMap<>();
      list.put("apiVersion", "v1");
      list.put("kind", "List");
      list.put("items", c.resources());
      if (output.format.equals("json")) {
        list.put("notifications", json(c.notifications()));
      }
      parent.out.print(output.render(list));
      parent.out.flush();
      return code;
    } catch (IOException e) {
      String.valueOf(e.getMessage())
          .lines()
          .forEach(line -> parent.err.println("gwc convert: " + line));
      return ExitCodes.FAILURE;
    }
  }

  private static List<Object> json(List<Notification> notifications) {
    List<Object> out = new ArrayList<>();
    for (Notification n : notifications) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("severity", n.severity().label());
      m.put("message", n.message());
      m.put("file", n.span().file());
      m.put("line", n.span().hasLine() ? (Object) (long) n.span().line() : null);
      m.put("kind", n.resource().kind());
      m.put("namespace", n.resource().namespace());
      m.put("name", n.resource().name());
      m.put("annotation", n.annotation());
      out.add(m);
    }
    return out;
  }
}
