package dev.gwc.istio;

/** How Istio names hosts: short destination names completed, server and route hosts compared. */
public final class IstioHosts {
  private IstioHosts() {}

  /**
   * A destination host as Istio resolves it: a short name ({@code reviews}) is a Service in {@code
   * namespace}; {@code name.ns} and {@code name.ns.svc} are completed to {@code
   * name.ns.svc.cluster.local}; other names stay as they are.
   */
  public static String fqdn(String host, String namespace) {
    if (!host.contains(".")) {
      return host + "." + namespace + ".svc.cluster.local";
    }
    String[] parts = host.split("\\.");
    if (parts.length == 2) {
      return host + ".svc.cluster.local";
    }
    if (parts.length == 3 && parts[2].equals("svc")) {
      return host + ".cluster.local";
    }
    return host;
  }

  /**
   * A Service of the cluster.
   *
   * @param namespace its namespace
   * @param name its name
   */
  public record Service(String namespace, String name) {
    /** {@code namespace/name}. */
    public String id() {
      return namespace + "/" + name;
    }
  }

  /** The Service a completed host ({@link #fqdn}) names, or null for a host outside the cluster. */
  public static Service service(String fqdn) {
    if (!fqdn.endsWith(".svc.cluster.local")) {
      return null;
    }
    String[] labels = fqdn.split("\\.");
    return new Service(labels[1], labels[0]);
  }

  /** Whether two hosts ({@code *}, {@code *.example.com} or a name) can name the same host. */
  public static boolean intersect(String a, String b) {
    if (a.equals("*") || b.equals("*") || a.equals(b)) {
      return true;
    }
    if (a.startsWith("*.") && b.endsWith(a.substring(1))) {
      return true;
    }
    return b.startsWith("*.") && a.endsWith(b.substring(1));
  }
}
