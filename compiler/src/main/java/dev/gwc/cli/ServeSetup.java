package dev.gwc.cli;

import dev.gwc.pipeline.Report;
import dev.gwc.serve.Proxy;
import dev.gwc.serve.TlsCertificates;
import dev.gwc.table.DataPlanes;
import dev.gwc.table.GatewayTable;
import dev.gwc.table.IngressScope;
import dev.gwc.table.RoutingTable;
import dev.gwc.table.TlsListener;
import dev.gwc.table.TlsSecrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code gwc serve}'s options checked against the compiled set: the Gateway of {@code --gateway},
 * the ports to bind, the certificates of {@code --tls}, and the warnings a person should read
 * before the first request.
 */
final class ServeSetup {
  private final CommonOptions common;
  private final ServeFlags flags;
  private final ServeFlags.Checked checked;

  ServeSetup(CommonOptions common, ServeFlags flags, ServeFlags.Checked checked) {
    this.common = common;
    this.flags = flags;
    this.checked = checked;
  }

  /**
   * The proxy's configuration; warnings go to {@code err}.
   *
   * @throws CommandExit a usage error, or certificates that cannot be made
   */
  Proxy.Config config(Report report, PrintWriter err, String command) throws CommandExit {
    DataPlanes planes =
        DataPlanes.of(
            report, true, true, new IngressScope(flags.ingress.ingressClasses, common.complete));
    RoutingTable table = planes.gateways();
    TlsCertificates tls = flags.tls ? tls(report, planes) : null;
    for (String service : Proxy.unusedUpstreams(planes, checked.upstreams())) {
      err.println(
          command
              + ": warning: --backend "
              + service
              + ": no attached route sends to Service "
              + service
              + "; its upstream is never used");
    }
    return new Proxy.Config(
        planes,
        flags.seed.seed,
        gateway(table),
        bindings(planes, tls),
        checked.upstreams(),
        checked.limits(),
        tls);
  }

  /** Where to listen; a usage error when there is nothing to listen for. */
  private List<Proxy.Binding> bindings(DataPlanes table, TlsCertificates tls)
      throws UsageException {
    List<Integer> ports = Proxy.gatewayPorts(table);
    Integer gatewayPort = flags.gatewayPort;
    if (gatewayPort != null && !ports.contains(gatewayPort)) {
      throw new UsageException(
          "--gateway-port " + gatewayPort + ": no Gateway listener on that port; ports: " + ports);
    }
    if (tls != null && flags.portOffset == null) {
      // One listen port speaks TLS for one Gateway port.
      TreeSet<Integer> tlsPorts = new TreeSet<>(tls.ports());
      if (gatewayPort == null && tlsPorts.size() == 1) {
        gatewayPort = tlsPorts.first();
      }
      if (gatewayPort == null || !tlsPorts.contains(gatewayPort)) {
        throw new UsageException(
            "--tls with --listen serves one Gateway port that terminates TLS: give --gateway-port"
                + " N (ports with TLS: "
                + (tlsPorts.isEmpty() ? "none" : tlsPorts)
                + "), or --port-offset N for every port");
      }
    }
    List<Proxy.Binding> bindings =
        Proxy.bindings(table, checked.address(), flags.portOffset, gatewayPort);
    if (bindings.isEmpty()) {
      throw new UsageException("no Gateway listener in the input to bind a port for");
    }
    return bindings;
  }

  /** {@code --gateway} as {@code namespace/name} (a bare name is in --namespace), or null. */
  private String gateway(RoutingTable table) throws UsageException {
    if (flags.gateway == null) {
      return null;
    }
    int slash = flags.gateway.indexOf('/');
    String ns = slash < 0 ? common.namespace : flags.gateway.substring(0, slash);
    GatewayTable g = table.gateway(ns, flags.gateway.substring(slash + 1));
    if (g == null) {
      throw new UsageException("no Gateway '" + flags.gateway + "' in the routing table");
    }
    return g.display();
  }

  private TlsCertificates tls(Report report, DataPlanes planes) throws CommandExit {
    List<TlsListener> listeners = new java.util.ArrayList<>(planes.gateways().tlsListeners());
    listeners.addAll(planes.istio().tlsListeners());
    if (listeners.isEmpty()) {
      throw new UsageException(
          "--tls: no listener in the input terminates TLS (a Gateway's HTTPS listener with mode"
              + " Terminate, or an Istio HTTPS server with mode SIMPLE or MUTUAL)");
    }
    try {
      return TlsCertificates.of(listeners, TlsSecrets.of(report), caDir());
    } catch (IOException e) {
      throw CommandExit.failure(e);
    }
  }

  /**
   * {@code --ca-dir}, else {@code $XDG_CACHE_HOME/gwc/serve-ca} or {@code ~/.cache/gwc/serve-ca}.
   */
  private Path caDir() {
    if (flags.caDir != null) {
      return flags.caDir;
    }
    String cache = System.getenv("XDG_CACHE_HOME");
    Path base =
        cache != null && !cache.isBlank()
            ? Path.of(cache)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("gwc").resolve("serve-ca");
  }
}
