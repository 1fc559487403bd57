package dev.gwc.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How much a lookup's cost grows from a small corpus to a large one, measured in one JVM: the
 * tables of both corpora are built, then their passes over their own request files take turns for a
 * given time. Separate runs of {@link LookupBenchmark} meet different phases of a shared machine
 * (the 100-route table, bound by computing, slows down more on a busy machine than the 10,000-route
 * one, bound by memory, so the ratio of two separate runs moves with the load); here every round
 * times both sizes within a second of each other.
 *
 * <p>The table built second measures faster (about 10% with two 100-route tables, 2% with two
 * 10,000-route ones), so {@code bench/growth.sh} runs both orders and reports the geometric mean.
 *
 * <p>Usage: {@code LookupGrowth OUT FIRST SECOND SECONDS}, for example {@code bench/out 100 10000
 * 60} (the sizes in the order their tables are built); prints each size's lookups per CPU second
 * and the cost ratio (larger over smaller) overall and per round (median and quartiles).
 */
public final class LookupGrowth {
  private LookupGrowth() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: LookupGrowth OUT FIRST SECOND SECONDS");
      System.exit(2);
    }
    int first = Integer.parseInt(args[1]);
    int second = Integer.parseInt(args[2]);
    LookupPass built = new LookupPass(args[0], first);
    LookupPass builtSecond = new LookupPass(args[0], second);
    boolean smallFirst = first <= second;
    LookupPass small = smallFirst ? built : builtSecond;
    LookupPass large = smallFirst ? builtSecond : built;
    System.gc();
    for (int i = 0; i < 20; i++) {
      small.pass();
      large.pass();
    }
    long smallCpu = 0;
    long largeCpu = 0;
    List<Double> ratios = new ArrayList<>();
    long end = System.nanoTime() + Long.parseLong(args[3]) * 1_000_000_000L;
    for (int round = 0; System.nanoTime() < end; round++) {
      long s;
      long l;
      if (round % 2 == 0) { // each size goes first every other round
        s = small.pass();
        l = large.pass();
      } else {
        l = large.pass();
        s = small.pass();
      }
      smallCpu += s;
      largeCpu += l;
      ratios.add(((double) l / large.size()) / ((double) s / small.size()));
    }
    Collections.sort(ratios);
    int n = ratios.size();
    double smallRate = (double) small.size() * n / (smallCpu / 1e9);
    double largeRate = (double) large.size() * n / (largeCpu / 1e9);
    System.out.printf(
        Locale.ROOT,
        "%d routes %.0f lookups per CPU second, %d routes %.0f; cost %.3f times as high (per"
            + " round: median %.3f, quartiles %.3f-%.3f, %d rounds; %s built first)%n",
        Math.min(first, second),
        smallRate,
        Math.max(first, second),
        largeRate,
        smallRate / largeRate,
        ratios.get(n / 2),
        ratios.get(n / 4),
        ratios.get(3 * n / 4),
        n,
        smallFirst ? "smaller" : "larger");
  }
}
