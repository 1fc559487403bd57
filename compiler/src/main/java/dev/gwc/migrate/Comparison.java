package dev.gwc.migrate;

import dev.gwc.convert.Notification;
import dev.gwc.convert.Provider;
import dev.gwc.nginx.IngressNginx;
import dev.gwc.sim.Outcome;
import dev.gwc.sim.Result;
import dev.gwc.sim.Router;
import dev.gwc.table.DataPlanes;
import dev.gwc.table.IngressLocation;
import dev.gwc.table.IngressScope;
import dev.gwc.table.IngressTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The migration check: replays the same requests through the routing of two sets (typically
 * Ingresses routed as ingress-nginx does and their conversion routed as Gateway API), matching each
 * request to a data plane by port and host, and keeps every request that lands differently: status,
 * backend or weighted split, redirect Location, upstream path or Host. A difference on a path or
 * backend the conversion already reported is marked with that notification.
 */
public final class Comparison {
  private Comparison() {}

  /**
   * A request that lands differently.
   *
   * @param probe the request and where it came from
   * @param old the result in the old set
   * @param now the result in the new set
   * @param fields the outcome fields that differ
   * @param known conversion notifications that announce the difference
   */
  public record Difference(
      Probes.Probe probe, Result old, Result now, List<String> fields, List<Notification> known) {
    public Difference {
      fields = List.copyOf(fields);
      known = List.copyOf(known);
    }
  }

  /**
   * What the check found.
   *
   * @param requests how many requests were replayed
   * @param differences the requests that land differently, in replay order
   */
  public record Report(int requests, List<Difference> differences) {
    public Report {
      differences = List.copyOf(differences);
    }

    /** How many differences a conversion notification announces. */
    public long known() {
      return differences.stream().filter(d -> !d.known().isEmpty()).count();
    }
  }

  /**
   * The migration check of two compiled sets: probes generated from both sides' rules plus {@code
   * extra}, each sent through both, every request that lands differently reported with the
   * notifications that announced it.
   *
   * @param nowConverted what of the new set was converted (ingress-nginx: its Ingresses; istio: its
   *     Istio objects), which is then not routed as it was too; null when nothing was
   * @param notes the conversion notifications of the old set's Ingresses
   * @param seed the seed of weighted choices
   * @param scope the ingress classes ingress-nginx serves, and whether the input is whole
   */
  public static Report of(
      dev.gwc.pipeline.Report old,
      dev.gwc.pipeline.Report now,
      Provider nowConverted,
      List<Probes.Probe> extra,
      List<Notification> notes,
      long seed,
      IngressScope scope) {
    List<Probes.Probe> probes = new ArrayList<>(Probes.of(manifests(old), manifests(now)));
    probes.addAll(extra);
    return run(
        router(old, null, seed, scope), router(now, nowConverted, seed, scope), probes, notes);
  }

  /** A set's data planes, each request going to the one whose route names its host best. */
  private static Router router(
      dev.gwc.pipeline.Report report, Provider converted, long seed, IngressScope scope) {
    return new Router(
        DataPlanes.of(
            report, converted != Provider.INGRESS_NGINX, converted != Provider.ISTIO, scope),
        null,
        null,
        seed,
        /* byHost= */ true);
  }

  private static List<dev.gwc.resource.Manifest> manifests(dev.gwc.pipeline.Report r) {
    List<dev.gwc.resource.Manifest> out = new ArrayList<>();
    for (dev.gwc.pipeline.Compiled c : r.compiled()) {
      out.add(c.manifest());
    }
    return out;
  }

  /**
   * Replays the requests through both sets.
   *
   * @param notes the notifications of converting the old set's Ingresses (may be empty)
   */
  public static Report run(
      Router old, Router now, List<Probes.Probe> requests, List<Notification> notes) {
    List<Difference> out = new ArrayList<>();
    for (Probes.Probe p : requests) {
      Result a = old.one(null, p.request());
      Result b = now.one(null, p.request());
      List<String> fields = Outcome.of(a).differences(Outcome.of(b));
      if (!fields.isEmpty()) {
        out.add(
            new Difference(
                p, a, b, fields, known(old.planes().ingresses(), p, a, b, fields, notes)));
      }
    }
    return new Report(requests.size(), out);
  }

  /**
   * The notifications that announce a difference: about the Ingress that routed the request in the
   * old set and naming its path or Service or about one of its routing annotations; naming the rule
   * path or wildcard host the probe was generated from; about the annotation the probe exercises;
   * or, for a difference in the status of an HTTPS redirect alone, the release's redirect status.
   */
  private static List<Notification> known(
      IngressTable ingresses,
      Probes.Probe probe,
      Result old,
      Result now,
      List<String> fields,
      List<Notification> notes) {
    Result.RouteHit hit = old.route();
    IngressLocation loc =
        hit != null && hit.kind().equals("Ingress")
            ? ingresses.location(hit.namespace(), hit.name(), hit.rule(), hit.match())
            : null;
    List<String> names = new ArrayList<>();
    if (loc != null) {
      names.add("'" + loc.path() + "'");
      names.add(
          "'" + ingresses.serverOf(hit.namespace(), hit.name(), hit.rule(), hit.match()) + "'");
      if (loc.backend() != null) {
        names.add("'" + loc.backend().namespace() + "/" + loc.backend().name() + "'");
      }
    }
    List<String> probeNames = new ArrayList<>();
    if (probe.path() != null && !probe.path().equals("/")) {
      probeNames.add("'" + probe.path() + "'");
    }
    if (probe.host() != null
        && probe.host().startsWith("*.")
        && labels(probe.request().host()) > labels(probe.host())) {
      probeNames.add("'" + probe.host() + "'");
    }
    boolean redirectStatusOnly =
        fields.equals(List.of("status")) && old.location() != null && now.location() != null;
    List<Notification> out = new ArrayList<>();
    for (Notification n : notes) {
      if ("VirtualService".equals(n.resource().kind())) {
        // Istio: a notification about the VirtualService that routed the request in the old set,
        // naming the rule's path the probe came from or something the result shows (a subset).
        boolean sameVs =
            hit != null
                && hit.kind().equals("VirtualService")
                && hit.namespace().equals(n.resource().namespace())
                && hit.name().equals(n.resource().name());
        boolean named =
            probeNames.stream().anyMatch(n.message()::contains)
                || (old.backend() != null
                    && old.backend().subset() != null
                    && n.message().contains("subset '" + old.backend().subset() + "'"));
        if (sameVs && named) {
          out.add(n);
        }
        continue;
      }
      if (!"Ingress".equals(n.resource().kind())) {
        continue;
      }
      String annotation =
          n.annotation() == null
              ? null
              : n.annotation().substring(n.annotation().lastIndexOf('/') + 1);
      boolean sameIngress =
          hit != null
              && hit.namespace().equals(n.resource().namespace())
              && (hit.name().equals(n.resource().name()) || canaryOf(loc, n));
      if ((sameIngress
              && (names.stream().anyMatch(n.message()::contains)
                  || (annotation != null && IngressNginx.ROUTING.contains(annotation))))
          || probeNames.stream().anyMatch(n.message()::contains)
          || (annotation != null && annotation.equals(probe.annotation()))
          || (redirectStatusOnly && n.message().startsWith("HTTP to HTTPS redirects use status"))
          || (hit == null && unservedInOld(ingresses, probe, n))) {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * Whether the notification says that an Ingress the old set's ingress-nginx does not serve (its
   * class is not claimed) for the probe's host was converted all the same.
   */
  private static boolean unservedInOld(IngressTable ingresses, Probes.Probe probe, Notification n) {
    String ingress = "Ingress " + n.resource().namespace() + "/" + n.resource().name() + " ";
    return n.message().contains(dev.gwc.convert.Converter.NOT_CLAIMED)
        && ingresses.unclaimed(probe.request().host()).stream()
            .anyMatch(u -> u.startsWith(ingress));
  }

  private static int labels(String host) {
    return host.split("\\.", -1).length;
  }

  private static boolean canaryOf(IngressLocation loc, Notification n) {
    return loc != null
        && loc.canaries().stream()
            .anyMatch(
                c ->
                    c.ingress().namespace().equals(n.resource().namespace())
                        && c.ingress().name().equals(n.resource().name()));
  }
}
