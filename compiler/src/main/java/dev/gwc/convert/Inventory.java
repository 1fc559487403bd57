package dev.gwc.convert;

import dev.gwc.resource.Manifest;
import dev.gwc.yaml.YEntry;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YScalar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects around the Ingresses that the conversion looks up: Services (to turn port names into
 * numbers), ConfigMaps (custom headers) and IngressClasses (which one is the default).
 *
 * @param servicePorts for each {@code namespace/name}, the Service's port numbers by port name
 * @param configMaps for each {@code namespace/name}, the ConfigMap's data
 * @param classes the IngressClass names in the input
 * @param controllers the IngressClasses of the input: name to spec.controller (null when unset)
 * @param defaultClass the IngressClass marked default, or null
 */
record Inventory(
    Map<String, Map<String, Long>> servicePorts,
    Map<String, Map<String, String>> configMaps,
    List<String> classes,
    Map<String, String> controllers,
    String defaultClass) {
  static final String DEFAULT_CLASS_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";

  static Inventory of(List<Manifest> manifests) {
    Map<String, Map<String, Long>> services = new HashMap<>();
    Map<String, Map<String, String>> configMaps = new HashMap<>();
    List<String> classes = new java.util.ArrayList<>();
    Map<String, String> controllers = new TreeMap<>();
    String defaultClass = null;
    for (Manifest m : manifests) {
      if (m.name() == null) {
        continue;
      }
      String key = m.namespace() + "/" + m.name();
      if (m.group().isEmpty() && m.kind().equals("Service")) {
        services.put(key, dev.gwc.resource.ServicePorts.named(m.root()));
      } else if (m.group().isEmpty() && m.kind().equals("ConfigMap")) {
        configMaps.put(key, data(m.root()));
      } else if (m.group().equals("networking.k8s.io") && m.kind().equals("IngressClass")) {
        classes.add(m.name());
        controllers.put(
            m.name(), m.root().get("spec") instanceof YMap spec ? spec.string("controller") : null);
        if ("true".equals(annotations(m.root()).get(DEFAULT_CLASS_ANNOTATION))
            && (defaultClass == null || m.name().compareTo(defaultClass) < 0)) {
          defaultClass = m.name();
        }
      }
    }
    return new Inventory(
        Map.copyOf(services),
        Map.copyOf(configMaps),
        List.copyOf(classes),
        java.util.Collections.unmodifiableMap(controllers),
        defaultClass);
  }

  /** The object's annotations as text. */
  static Map<String, String> annotations(YMap root) {
    Map<String, String> out = new TreeMap<>();
    if (root.get("metadata") instanceof YMap meta && meta.get("annotations") instanceof YMap a) {
      for (YEntry e : a.entries()) {
        if (e.value() instanceof YScalar s) {
          out.put(e.name(), s.text());
        }
      }
    }
    return out;
  }

  private static Map<String, String> data(YMap root) {
    Map<String, String> out = new TreeMap<>();
    if (root.get("data") instanceof YMap data) {
      for (YEntry e : data.entries()) {
        if (e.value() instanceof YScalar s) {
          out.put(e.name(), s.text());
        }
      }
    }
    return out;
  }
}
