package dev.gwc.validate.cel;

import com.google.common.net.InetAddresses;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The parts of the Kubernetes CEL libraries that CRD rules use beyond standard CEL and the strings
 * extension: the IP library ({@code isIP}, {@code isCIDR}), the URL check ({@code isURL}), the
 * format library ({@code format.dns1123Label().validate(s)} and its siblings) and list helpers
 * ({@code isSorted}, {@code sum}, {@code min}, {@code max}).
 *
 * <p>{@code format.X().validate(s)} returns null when {@code s} is valid and a list of problems
 * otherwise, so the rules' {@code validate(self) == null} comparison reads as intended (see the
 * {@code cel} entry in {@code rules/} for how this differs from the API server's optional result).
 */
final class KubernetesLibrary {
  private KubernetesLibrary() {}

  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:[^\\s]*");

  /**
   * Named formats of {@code format.<name>()}: each returns the problems of a value, empty if none.
   */
  static final Map<String, Function<String, List<String>>> FORMATS =
      Map.of(
          "dns1123Label", s -> check(s, 63, DNS1123_LABEL, "a lowercase RFC 1123 label"),
          "dns1123Subdomain",
              s -> check(s, 253, DNS1123_SUBDOMAIN, "a lowercase RFC 1123 subdomain"),
          "dns1035Label", s -> check(s, 63, DNS1035_LABEL, "a lowercase RFC 1035 label"),
          "cIdentifier", s -> check(s, Integer.MAX_VALUE, C_IDENTIFIER, "a C identifier"),
          "labelValue",
              s ->
                  s.isEmpty()
                      ? List.of()
                      : check(
                          s,
                          63,
                          Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"),
                          "a label value"));

  private static List<String> check(String s, int max, Pattern p, String what) {
    List<String> problems = new ArrayList<>();
    if (s.length() > max) {
      problems.add("must be no more than " + max + " characters");
    }
    if (!p.matcher(s).matches()) {
      problems.add("must be " + what);
    }
    return problems;
  }

  /** A named format value, the receiver of {@code validate}. */
  record NamedFormat(String name) {}

  static List<CelFunctionDecl> declarations() {
    List<CelFunctionDecl> decls = new ArrayList<>();
    decls.add(
        fn(
            "isIP",
            CelOverloadDecl.newGlobalOverload(
                "k8s_isIP_string", SimpleType.BOOL, SimpleType.STRING)));
    decls.add(
        fn(
            "isCIDR",
            CelOverloadDecl.newGlobalOverload(
                "k8s_isCIDR_string", SimpleType.BOOL, SimpleType.STRING)));
    decls.add(
        fn(
            "isURL",
            CelOverloadDecl.newGlobalOverload(
                "k8s_isURL_string", SimpleType.BOOL, SimpleType.STRING)));
    for (String name : FORMATS.keySet()) {
      decls.add(
          fn(
              "format." + name,
              CelOverloadDecl.newGlobalOverload("k8s_format_" + name, SimpleType.DYN)));
    }
    decls.add(
        fn(
            "validate",
            CelOverloadDecl.newMemberOverload(
                "k8s_format_validate", SimpleType.DYN, SimpleType.DYN, SimpleType.STRING)));
    decls.add(
        fn(
            "isSorted",
            CelOverloadDecl.newMemberOverload(
                "k8s_list_isSorted", SimpleType.BOOL, ListType.create(SimpleType.DYN))));
    decls.add(
        fn(
            "sum",
            CelOverloadDecl.newMemberOverload(
                "k8s_list_sum", SimpleType.DYN, ListType.create(SimpleType.DYN))));
    decls.add(
        fn(
            "min",
            CelOverloadDecl.newMemberOverload(
                "k8s_list_min", SimpleType.DYN, ListType.create(SimpleType.DYN))));
    decls.add(
        fn(
            "max",
            CelOverloadDecl.newMemberOverload(
                "k8s_list_max", SimpleType.DYN, ListType.create(SimpleType.DYN))));
    return decls;
  }

  private static CelFunctionDecl fn(String name, CelOverloadDecl overload) {
    return CelFunctionDecl.newFunctionDeclaration(name, overload);
  }

  static List<CelFunctionBinding> bindings() {
    List<CelFunctionBinding> b = new ArrayList<>();
    b.add(CelFunctionBinding.from("k8s_isIP_string", String.class, KubernetesLibrary::isIp));
    b.add(CelFunctionBinding.from("k8s_isCIDR_string", String.class, KubernetesLibrary::isCidr));
    b.add(CelFunctionBinding.from("k8s_isURL_string", String.class, s -> URL.matcher(s).matches()));
    for (String name : FORMATS.keySet()) {
      b.add(
          CelFunctionBinding.from("k8s_format_" + name, List.of(), args -> new NamedFormat(name)));
    }
    b.add(
        CelFunctionBinding.from(
            "k8s_format_validate",
            NamedFormat.class,
            String.class,
            (f, s) -> {
              List<String> problems = FORMATS.get(f.name()).apply(s);
              return problems.isEmpty() ? dev.cel.common.values.NullValue.NULL_VALUE : problems;
            }));
    b.add(CelFunctionBinding.from("k8s_list_isSorted", List.class, KubernetesLibrary::isSorted));
    b.add(CelFunctionBinding.from("k8s_list_sum", List.class, KubernetesLibrary::sum));
    b.add(CelFunctionBinding.from("k8s_list_min", List.class, l -> extreme(l, -1)));
    b.add(CelFunctionBinding.from("k8s_list_max", List.class, l -> extreme(l, 1)));
    return b;
  }

  /** Kubernetes' isIP: an IPv4 or IPv6 address, no zone, no leading zeros in IPv4 octets. */
  static boolean isIp(String s) {
    if (s.isEmpty() || s.contains("%")) {
      return false;
    }
    if (s.indexOf(':') < 0) {
      String[] parts = s.split("\\.", -1);
      if (parts.length != 4) {
        return false;
      }
      for (String p : parts) {
        if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
          return false;
        }
        for (int i = 0; i < p.length(); i++) {
          if (!Character.isDigit(p.charAt(i)) || p.charAt(i) > '9') {
            return false;
          }
        }
        if (Integer.parseInt(p) > 255) {
          return false;
        }
      }
      return true;
    }
    return InetAddresses.isInetAddress(s);
  }

  static boolean isCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String ip = s.substring(0, slash);
    String bits = s.substring(slash + 1);
    if (!isIp(ip)
        || bits.isEmpty()
        || bits.length() > 3
        || !bits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int n = Integer.parseInt(bits);
    return n <= (ip.indexOf(':') >= 0 ? 128 : 32);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static boolean isSorted(List list) {
    for (int i = 1; i < list.size(); i++) {
      if (((Comparable) list.get(i - 1)).compareTo(list.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  private static Object sum(List<?> list) {
    boolean doubles = list.stream().anyMatch(o -> o instanceof Double);
    if (doubles) {
      double d = 0;
      for (Object o : list) {
        d += ((Number) o).doubleValue();
      }
      return d;
    }
    long l = 0;
    for (Object o : list) {
      l = Math.addExact(l, ((Number) o).longValue());
    }
    return l;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object extreme(List list, int sign) {
    if (list.isEmpty()) {
      throw new IllegalArgumentException("min and max need a non-empty list");
    }
    Object best = list.get(0);
    for (Object o : list) {
      if (((Comparable) o).compareTo(best) * sign > 0) {
        best = o;
      }
    }
    return best;
  }
}
