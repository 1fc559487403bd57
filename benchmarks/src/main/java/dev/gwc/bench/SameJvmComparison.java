package dev.gwc.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compares the lookups of two builds in one JVM: each build's jar in a class loader of its own
 * (with this build's {@link LookupPass} and {@link LookupCorpus}, so older jars that lack them can
 * be compared too), each with its own table of the same corpus, their passes taking turns for a
 * given time. On a shared machine whose speed drifts from minute to minute, both builds meet the
 * same drift this way; separate runs, even at the same time on two cores, differ by more than most
 * changes do (bench/README.md). The build loaded second measures a few per cent faster whichever it
 * is, so {@code bench/ab.sh} runs both orders.
 *
 * <p>Usage: {@code SameJvmComparison A.jar B.jar OUT ROUTES SECONDS}; prints each build's lookups
 * per CPU second and B's speed relative to A.
 */
public final class SameJvmComparison {
  private static final Set<String> OWN =
      Set.of(LookupPass.class.getName(), LookupCorpus.class.getName());
  private static final String OWN_PASS = LookupPass.class.getName();

  private SameJvmComparison() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: SameJvmComparison A.jar B.jar OUT ROUTES SECONDS");
      System.exit(2);
    }
    Object[] passes = new Object[2];
    Method[] pass = new Method[2];
    for (int k = 0; k < 2; k++) {
      Class<?> c = new BuildLoader(Path.of(args[k]).toUri().toURL()).loadClass(OWN_PASS);
      passes[k] =
          c.getConstructor(String.class, int.class).newInstance(args[2], Integer.parseInt(args[3]));
      pass[k] = c.getMethod("pass");
    }
    int size = (Integer) passes[0].getClass().getMethod("size").invoke(passes[0]);
    System.gc();
    for (int i = 0; i < 20; i++) {
      for (int k = 0; k < 2; k++) {
        pass[k].invoke(passes[k]);
      }
    }
    long[] total = new long[2];
    List<Double> ratios = new ArrayList<>();
    long end = System.nanoTime() + Long.parseLong(args[4]) * 1_000_000_000L;
    for (int round = 0; System.nanoTime() < end; round++) {
      long[] t = new long[2];
      for (int j = 0; j < 2; j++) {
        int k = (round + j) % 2; // each goes first every other round
        t[k] = (Long) pass[k].invoke(passes[k]);
      }
      total[0] += t[0];
      total[1] += t[1];
      ratios.add((double) t[0] / t[1]);
    }
    Collections.sort(ratios);
    int n = ratios.size();
    System.out.printf(
        Locale.ROOT,
        "A %.0f lookups per CPU second, B %.0f; B/A speed %.3f (per round: median %.3f, quartiles"
            + " %.3f-%.3f, %d rounds)%n",
        (double) size * n / (total[0] / 1e9),
        (double) size * n / (total[1] / 1e9),
        (double) total[0] / total[1],
        ratios.get(n / 2),
        ratios.get(n / 4),
        ratios.get(3 * n / 4),
        n);
  }

  /** A build's jar, with this build's own benchmark classes defined over it. */
  private static final class BuildLoader extends URLClassLoader {
    BuildLoader(URL jar) {
      super(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!OWN.contains(name)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          byte[] bytes = ownBytes(name);
          c = defineClass(name, bytes, 0, bytes.length);
        }
        return c;
      }
    }

    private static byte[] ownBytes(String name) {
      String resource = name.replace('.', '/') + ".class";
      try (InputStream in =
          SameJvmComparison.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing " + resource);
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
