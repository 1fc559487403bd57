package dev.gwc.cli;

import dev.gwc.edit.Edits;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The edit commands: {@code gwc add listener}, {@code gwc remove listener}, {@code gwc attach
 * route}, {@code gwc detach route}. Each is thin: it names the object and the edit, and {@link
 * EditStep} does the rest.
 */
final class EditCommands {
  private EditCommands() {}

  static final Set<String> ROUTE_KINDS =
      Set.of("HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute");

  private static final String WRITES =
      "The file is written in place (atomically, keeping its mode) after the set is validated"
          + " before and after the edit: an edit that adds an error is refused unless --force."
          + " Only the lines the edit needs change; comments, key order, quoting and the other"
          + " documents of the file keep their bytes.";

  private static final String EXIT =
      "Exit codes: 0 edited (or the diff printed), 1 refused (the edit adds errors), 2 usage"
          + " error, object not found or ambiguous, file not editable.";

  /** How the edit commands word the shared PATH parameter. */
  static final java.util.Map<String, String> PATH_HELP =
      java.util.Map.of(
          "PATH",
          "NAME (or NS/NAME) of the object, then the files or folders to find it in (default:"
              + " the current folder; folders recursively). Standard input cannot be edited.");

  /** What every edit command takes besides its own options. */
  static final class EditFlags {
    @Option(
        names = "--dry-run",
        description =
            "Print the change as a diff (and what it changes for traffic); write nothing.")
    boolean dryRun;

    @Option(
        names = "--force",
        description = "Make the edit even when it adds errors to the set (they are printed).")
    boolean force;
  }

  /** A command group ({@code add}, {@code remove}, ...): only its subcommands do anything. */
  @Command
  abstract static class Group implements Callable<Integer> {
    @ParentCommand Streams parent;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      parent
          .err()
          .println(
              spec.qualifiedName() + ": say what to edit; see " + spec.qualifiedName() + " --help");
      parent.err().flush();
      return ExitCodes.USAGE;
    }
  }

  /** A leaf command ({@code gwc add listener}): what every edit command has, and its run. */
  @Command
  abstract static class Leaf implements Callable<Integer>, SharedFlagHelp {
    @ParentCommand Group group;
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin EditFlags flags;

    @Override
    public java.util.Map<String, String> sharedFlagHelp() {
      return PATH_HELP;
    }

    /** The command's whole name, as messages start with it. */
    String command() {
      return spec.qualifiedName();
    }

    /** Checks the options, then edits (through {@link EditStep}); a usage error is exit 2. */
    abstract int run() throws UsageException;

    @Override
    public Integer call() {
      try {
        return run();
      } catch (UsageException e) {
        return e.report(group.parent.err(), command());
      }
    }

    /** Edits an existing object of one of {@code kinds}, named by the first positional. */
    int edit(Set<String> kinds, EditStep.Edit edit, java.util.function.UnaryOperator<String> done)
        throws UsageException {
      EditStep.Target t = target(common, spec, kinds);
      return EditStep.run(
          group.parent, common, command(), t, flags.dryRun, flags.force, edit, done);
    }
  }

  /** A {@code --backend SVC:PORT} with its weight; a usage error when it is not one. */
  private static Edits.Backend backend(String arg, Integer weight) throws UsageException {
    Edits.Backend b = Edits.Backend.parse(arg, weight);
    if (b == null) {
      throw new UsageException("--backend " + arg + ": write SERVICE:PORT, e.g. web:80");
    }
    return b;
  }

  /**
   * The object name and paths of a leaf command: the first positional is the name ({@code NAME} or
   * {@code NS/NAME}), the rest the paths (default: the current folder).
   */
  private static EditStep.Target target(CommonOptions common, CommandSpec spec, Set<String> kinds)
      throws UsageException {
    if (common.paths.isEmpty()) {
      throw new UsageException("name the object to edit");
    }
    String ref = common.paths.remove(0);
    if (common.paths.isEmpty()) {
      common.paths.add(".");
    }
    int slash = ref.indexOf('/');
    String namespace =
        slash > 0
            ? ref.substring(0, slash)
            : spec.commandLine().getParseResult().hasMatchedOption("--namespace")
                ? common.namespace
                : null;
    return new EditStep.Target(kinds, ref.substring(slash + 1), namespace);
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Creates an object of the manifests, in a new file or one given.",
      subcommands = {CreateRoute.class})
  static final class Create extends Group {}

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = "Sets values of an object of the manifests, in its file.",
      subcommands = {SetWeights.class})
  static final class SetGroup extends Group {}

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Adds to an object of the manifests, in its file.",
      subcommands = {AddListener.class, AddBackend.class})
  static final class Add extends Group {}

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Removes from an object of the manifests, in its file.",
      subcommands = {RemoveListener.class})
  static final class Remove extends Group {}

  @Command(
      name = "attach",
      mixinStandardHelpOptions = true,
      description = "Attaches an object of the manifests to another, in its file.",
      subcommands = {AttachRoute.class})
  static final class Attach extends Group {}

  @Command(
      name = "detach",
      mixinStandardHelpOptions = true,
      description = "Detaches an object of the manifests from another, in its file.",
      subcommands = {DetachRoute.class})
  static final class Detach extends Group {}

  @Command(
      name = "listener",
      mixinStandardHelpOptions = true,
      customSynopsis = {
        "gwc add listener GATEWAY --port N --protocol P [--name N]",
        "    [--hostname H] [--certificate SECRET] [--allowed-routes Same|All|Selector]",
        "    [--namespace-selector K=V[,K=V...]] [OPTIONS] [PATH...]"
      },
      description = {
        "Adds a listener at the end of the Gateway's spec.listeners (GATEWAY: NAME or NS/NAME,"
            + " found in PATH..., default the current folder).",
        WRITES
      },
      footer = {
        "",
        "Examples:",
        "  gwc add listener edge --port 443 --protocol HTTPS --certificate shop-tls .",
        "  # into the Gateway edge of namespace infra, found under deploy/",
        "  gwc add listener infra/edge --port 8080 --protocol HTTP --dry-run deploy/",
        "  # routes of the namespaces labelled team=shop may attach (folder: .)",
        "  gwc add listener edge --port 80 --protocol HTTP --namespace-selector team=shop",
        "",
        EXIT
      })
  static final class AddListener extends Leaf {

    @Option(names = "--port", required = true, paramLabel = "N", description = "The port.")
    int port;

    @Option(
        names = "--protocol",
        required = true,
        paramLabel = "P",
        description = "HTTP, HTTPS, TLS, TCP or UDP.")
    String protocol;

    @Option(
        names = "--name",
        paramLabel = "N",
        description = "The listener's name (default: the protocol in lower case and the port).")
    String name;

    @Option(names = "--hostname", paramLabel = "H", description = "Its hostname.")
    String hostname;

    @Option(
        names = "--certificate",
        paramLabel = "SECRET",
        description =
            "The TLS Secret (NAME or NS/NAME) an HTTPS or TLS listener terminates with (a TLS"
                + " listener without one passes TLS through).")
    String certificate;

    @Option(
        names = "--allowed-routes",
        paramLabel = "FROM",
        description =
            "Namespaces whose routes may attach: Same (the default), All, or Selector (the"
                + " namespaces whose labels match --namespace-selector).")
    String allowedRoutes;

    @Option(
        names = "--namespace-selector",
        paramLabel = "K=V",
        split = ",",
        description =
            "The labels a namespace needs for its routes to attach (implies --allowed-routes"
                + " Selector).")
    java.util.Map<String, String> namespaceLabels = new java.util.LinkedHashMap<>();

    @Override
    int run() throws UsageException {
      if (!List.of("HTTP", "HTTPS", "TLS", "TCP", "UDP").contains(protocol)) {
        throw new UsageException("--protocol " + protocol + ": use HTTP, HTTPS, TLS, TCP or UDP");
      }
      if (allowedRoutes != null && !List.of("Same", "All", "Selector").contains(allowedRoutes)) {
        throw new UsageException(
            "--allowed-routes " + allowedRoutes + ": use Same, All or Selector");
      }
      if (!namespaceLabels.isEmpty() && allowedRoutes == null) {
        allowedRoutes = "Selector";
      }
      if ("Selector".equals(allowedRoutes) && namespaceLabels.isEmpty()) {
        throw new UsageException(
            "--allowed-routes Selector needs the labels to match: --namespace-selector K=V");
      }
      if (!"Selector".equals(allowedRoutes) && !namespaceLabels.isEmpty()) {
        throw new UsageException(
            "--namespace-selector goes with --allowed-routes Selector, not " + allowedRoutes);
      }
      for (var label : namespaceLabels.entrySet()) {
        if (label.getKey().isEmpty()) {
          throw new UsageException(
              "--namespace-selector ="
                  + label.getValue()
                  + ": a label needs a key (K=V, as in team=shop)");
        }
      }
      if (port < 1 || port > 65535) {
        throw new UsageException("--port " + port + ": use 1 to 65535");
      }
      if (protocol.equals("HTTPS") && certificate == null) {
        // Gateway API lets tls be left out (gateway-api#2713: certificates may come from
        // elsewhere).
        group
            .parent
            .err()
            .println(
                command()
                    + ": note: the HTTPS listener gets no certificate; give one with --certificate"
                    + " SECRET unless the implementation supplies it");
      }
      if (certificate != null && !List.of("HTTPS", "TLS").contains(protocol)) {
        throw new UsageException("--certificate is for HTTPS and TLS listeners, not " + protocol);
      }
      String listener =
          name != null ? name : protocol.toLowerCase(java.util.Locale.ROOT) + "-" + port;
      Edits.Listener l =
          new Edits.Listener(
              listener, port, protocol, hostname, certificate, allowedRoutes, namespaceLabels);
      return edit(
          Set.of("Gateway"),
          (text, gateway) -> Edits.addListener(text, gateway, l),
          gateway -> "added listener '" + listener + "' to Gateway " + gateway);
    }
  }

  @Command(
      name = "listener",
      mixinStandardHelpOptions = true,
      customSynopsis = "gwc remove listener GATEWAY --name N [OPTIONS] [PATH...]",
      description = {
        "Removes the listener named N from the Gateway's spec.listeners (GATEWAY: NAME or"
            + " NS/NAME, found in PATH..., default the current folder).",
        WRITES
      },
      footer = {
        "",
        "Examples:",
        "  gwc remove listener edge --name https deploy/",
        "  gwc remove listener infra/edge --name http-8080 --dry-run deploy/",
        "",
        EXIT
      })
  static final class RemoveListener extends Leaf {

    @Option(
        names = "--name",
        required = true,
        paramLabel = "N",
        description = "The listener's name.")
    String name;

    @Override
    int run() throws UsageException {
      return edit(
          Set.of("Gateway"),
          (text, gateway) -> Edits.removeListener(text, gateway, name),
          gateway -> "removed listener '" + name + "' from Gateway " + gateway);
    }
  }

  @Command(
      name = "route",
      mixinStandardHelpOptions = true,
      customSynopsis = {
        "gwc create route NAME --backend SVC:PORT [--weight W]...",
        "    [--hostname H]... [--path P] [--path-type PathPrefix|Exact]",
        "    [--kind HTTPRoute|GRPCRoute] [--method SERVICE[/METHOD]]",
        "    [--into FILE|DIR] [OPTIONS] [PATH...]"
      },
      description = {
        "Creates an HTTPRoute with one rule (a path match, then the backends), or a GRPCRoute"
            + " (a gRPC method match, or none), in a new file named as gwc compile -o names files"
            + " (httproute_NS_NAME.yaml, in the first PATH's folder), or as one more document of"
            + " --into FILE. NAME may be NS/NAME; the namespace defaults to --namespace. It"
            + " attaches nowhere until gwc attach route.",
        "The set is validated before and after: a route that adds an error is refused unless"
            + " --force."
      },
      footer = {
        "",
        "Examples:",
        "  gwc create route shop/sleep --hostname sleep.example.com --backend sleep:80 .",
        "  gwc create route web --backend v1:80 --weight 90 --backend v2:80 --weight 10 .",
        "  gwc create route rpc --kind GRPCRoute --method shop.Orders --backend rpc:50051",
        "",
        EXIT
      })
  static final class CreateRoute extends Leaf {

    @Option(
        names = "--backend",
        required = true,
        paramLabel = "SVC:PORT",
        description = "A backend Service and port (repeatable).")
    List<String> backends;

    @Option(
        names = "--weight",
        paramLabel = "W",
        description = "The weight of the --backend at the same place (repeatable).")
    List<Integer> weights = new java.util.ArrayList<>();

    @Option(names = "--hostname", paramLabel = "H", description = "A hostname (repeatable).")
    List<String> hostnames = new java.util.ArrayList<>();

    @Option(
        names = "--path",
        paramLabel = "P",
        description = "The path an HTTPRoute's rule matches (default: /).")
    String path;

    @Option(
        names = "--path-type",
        paramLabel = "TYPE",
        description = "PathPrefix (the default) or Exact.")
    String pathType;

    @Option(
        names = "--kind",
        paramLabel = "KIND",
        defaultValue = "HTTPRoute",
        description = "HTTPRoute (the default) or GRPCRoute.")
    String kind;

    @Option(
        names = "--method",
        paramLabel = "SERVICE[/METHOD]",
        description =
            "The gRPC service (pkg.Service), or one method of it, a GRPCRoute's rule matches"
                + " (default: every request).")
    String method;

    @Option(
        names = "--into",
        paramLabel = "FILE|DIR",
        description = "Where to write it: a file (one more document) or a folder (a new file).")
    String into;

    @Override
    int run() throws UsageException {
      if (!List.of("HTTPRoute", "GRPCRoute").contains(kind)) {
        throw new UsageException("--kind " + kind + ": use HTTPRoute or GRPCRoute");
      }
      boolean grpc = kind.equals("GRPCRoute");
      if (grpc && (path != null || pathType != null)) {
        throw new UsageException(
            "--path and --path-type are for HTTPRoute; a GRPCRoute matches a gRPC service and"
                + " method: --method SERVICE[/METHOD]");
      }
      if (!grpc && method != null) {
        throw new UsageException("--method is for --kind GRPCRoute; an HTTPRoute matches --path");
      }
      if (pathType != null && !List.of("PathPrefix", "Exact").contains(pathType)) {
        throw new UsageException("--path-type " + pathType + ": use PathPrefix or Exact");
      }
      if (!weights.isEmpty() && weights.size() != backends.size()) {
        throw new UsageException(
            "give a --weight for every --backend, or none ("
                + backends.size()
                + " backends, "
                + weights.size()
                + " weights)");
      }
      List<Edits.Backend> refs = new java.util.ArrayList<>();
      for (int i = 0; i < backends.size(); i++) {
        String b = backends.get(i);
        refs.add(backend(b, weights.isEmpty() ? null : weights.get(i)));
      }
      EditStep.Target t = target(common, spec, ROUTE_KINDS);
      String namespace = t.namespace() != null ? t.namespace() : common.namespace;
      Edits.Route route =
          new Edits.Route(
              kind,
              t.name(),
              namespace,
              hostnames,
              pathType != null ? pathType : "PathPrefix",
              path != null ? path : "/",
              method,
              refs);
      java.util.Map<String, Object> item = new java.util.LinkedHashMap<>();
      item.put("apiVersion", "gateway.networking.k8s.io/v1");
      item.put("kind", kind);
      item.put("metadata", java.util.Map.of("name", t.name(), "namespace", namespace));
      return EditStep.create(
          group.parent,
          common,
          command(),
          new EditStep.Target(Set.of(kind), t.name(), namespace),
          into,
          flags.dryRun,
          flags.force,
          text -> Edits.createRoute(text, route),
          dev.gwc.output.BundleFiles.name(item) + ".yaml",
          "created " + kind + " " + namespace + "/" + t.name());
    }
  }

  @Command(
      name = "weights",
      mixinStandardHelpOptions = true,
      customSynopsis = "gwc set weights ROUTE --rule N SVC=W... [OPTIONS] [PATH...]",
      description = {
        "Sets the weights of the backendRefs of rule N of the route (ROUTE: NAME or NS/NAME of any"
            + " route kind); SVC=W names a backendRef by its Service. A weight written is replaced"
            + " where it stands; one not written is added to its backendRef.",
        WRITES
      },
      footer = {
        "",
        "Examples:",
        "  gwc set weights shop/web --rule 0 web-v1=90 web-v2=10 deploy/",
        "  gwc set weights web --rule 0 web-v1=0 web-v2=100 --dry-run .",
        "",
        EXIT
      })
  static final class SetWeights extends Leaf {
    @Override
    public java.util.Map<String, String> sharedFlagHelp() {
      return java.util.Map.of(
          "PATH",
          "NAME (or NS/NAME) of the route, then SVC=W for each weight, then the files or folders"
              + " to find it in (default: the current folder). Standard input cannot be edited.");
    }

    @Option(
        names = "--rule",
        required = true,
        paramLabel = "N",
        description = "The rule's index in spec.rules (from 0).")
    int rule;

    @Override
    int run() throws UsageException {
      java.util.Map<String, Integer> weights = new java.util.LinkedHashMap<>();
      List<String> rest = new java.util.ArrayList<>();
      for (int i = 0; i < common.paths.size(); i++) {
        String p = common.paths.get(i);
        if (i > 0 && p.contains("=")) {
          String w = p.substring(p.indexOf('=') + 1);
          if (!w.matches("[0-9]{1,7}") || Long.parseLong(w) > 1_000_000) {
            throw new UsageException(p + ": write SVC=WEIGHT, a weight from 0 to 1000000");
          }
          weights.put(p.substring(0, p.indexOf('=')), Integer.parseInt(w));
        } else {
          rest.add(p);
        }
      }
      if (weights.isEmpty()) {
        throw new UsageException("give at least one SVC=WEIGHT after the route");
      }
      common.paths.clear();
      common.paths.addAll(rest);
      return edit(
          ROUTE_KINDS,
          (text, route) -> Edits.setWeights(text, route, rule, weights),
          route ->
              "set weights of rule "
                  + rule
                  + " of route "
                  + route
                  + ": "
                  + weights.entrySet().stream()
                      .map(e -> e.getKey() + "=" + e.getValue())
                      .collect(java.util.stream.Collectors.joining(" ")));
    }
  }

  @Command(
      name = "backend",
      mixinStandardHelpOptions = true,
      customSynopsis =
          "gwc add backend ROUTE --rule N --backend SVC:PORT [--weight W] [OPTIONS] [PATH...]",
      description = {
        "Adds a backendRef to rule N of the route (ROUTE: NAME or NS/NAME of any route kind), at"
            + " the end of its backendRefs.",
        WRITES
      },
      footer = {
        "",
        "Examples:",
        "  gwc add backend shop/web --rule 0 --backend web-v2:80 --weight 10 deploy/",
        "  gwc add backend web --rule 1 --backend mirror:8080 --dry-run .",
        "",
        EXIT
      })
  static final class AddBackend extends Leaf {
    @Option(
        names = "--rule",
        required = true,
        paramLabel = "N",
        description = "The rule's index in spec.rules (from 0).")
    int rule;

    @Option(
        names = "--backend",
        required = true,
        paramLabel = "SVC:PORT",
        description = "The Service and port.")
    String backend;

    @Option(names = "--weight", paramLabel = "W", description = "Its weight.")
    Integer weight;

    @Override
    int run() throws UsageException {
      Edits.Backend b = backend(backend, weight);
      return edit(
          ROUTE_KINDS,
          (text, route) -> Edits.addBackend(text, route, rule, b),
          route -> "added backend " + backend + " to rule " + rule + " of route " + route);
    }
  }

  /** The options that name a parent Gateway and, optionally, one of its listeners. */
  static final class ParentFlags {
    @Option(
        names = "--gateway",
        required = true,
        paramLabel = "[NS/]NAME",
        description = "The Gateway (its namespace defaults to the route's).")
    String gateway;

    @Option(
        names = "--section-name",
        paramLabel = "L",
        description = "Only the listener named L (the parentRef's sectionName).")
    String sectionName;

    @Option(
        names = "--port",
        paramLabel = "P",
        description = "Only the Gateway's listeners on port P (the parentRef's port).")
    Integer port;

    /** The Gateway's NS/NAME for the route {@code routeRef} (NS/NAME). */
    String gatewayOf(String routeRef) {
      return gateway.contains("/")
          ? gateway
          : routeRef.substring(0, routeRef.indexOf('/') + 1) + gateway;
    }

    Edits.Parent parent(dev.gwc.resource.Manifest route) {
      int slash = gateway.indexOf('/');
      return new Edits.Parent(
          slash > 0 ? gateway.substring(0, slash) : route.namespace(),
          gateway.substring(slash + 1),
          sectionName,
          port);
    }
  }

  @Command(
      name = "route",
      mixinStandardHelpOptions = true,
      customSynopsis =
          "gwc attach route ROUTE --gateway [NS/]NAME [--section-name L | --port P] [OPTIONS]"
              + " [PATH...]",
      description = {
        "Adds a parentRef to the Gateway to the route's spec.parentRefs (ROUTE: NAME or NS/NAME of"
            + " any route kind, found in PATH..., default the current folder).",
        WRITES
      },
      footer = {
        "",
        "Examples:",
        "  gwc attach route sleep --gateway infra/edge --port 80 deploy/",
        "  gwc attach route shop/web --gateway edge --section-name https --dry-run .",
        "",
        EXIT
      })
  static final class AttachRoute extends Leaf {
    @Mixin ParentFlags parentFlags;

    @Override
    int run() throws UsageException {
      return edit(
          ROUTE_KINDS,
          (text, route) -> Edits.attach(text, route, parentFlags.parent(route)),
          route -> "attached route " + route + " to Gateway " + parentFlags.gatewayOf(route));
    }
  }

  @Command(
      name = "route",
      mixinStandardHelpOptions = true,
      customSynopsis =
          "gwc detach route ROUTE --gateway [NS/]NAME [--section-name L | --port P] [OPTIONS]"
              + " [PATH...]",
      description = {
        "Removes the route's parentRef to the Gateway (the one with the section or port given, or"
            + " with none) from its spec.parentRefs.",
        WRITES
      },
      footer = {
        "",
        "Examples:",
        "  gwc detach route sleep --gateway infra/edge --port 80 deploy/",
        "  gwc detach route shop/web --gateway edge --dry-run deploy/",
        "",
        EXIT
      })
  static final class DetachRoute extends Leaf {
    @Mixin ParentFlags parentFlags;

    @Override
    int run() throws UsageException {
      return edit(
          ROUTE_KINDS,
          (text, route) -> Edits.detach(text, route, parentFlags.parent(route)),
          route -> "detached route " + route + " from Gateway " + parentFlags.gatewayOf(route));
    }
  }
}
