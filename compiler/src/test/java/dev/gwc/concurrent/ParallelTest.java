package dev.gwc.concurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 511, 512, 513, 1000, 100_003})
  void forEach_callsEveryIndexExactlyOnce(int n) {
    AtomicIntegerArray calls = new AtomicIntegerArray(n);
    Parallel.forEach(n, i -> calls.incrementAndGet(i));
    int[] got = new int[n];
    for (int i = 0; i < n; i++) {
      got[i] = calls.get(i);
    }
    int[] once = new int[n];
    Arrays.fill(once, 1);
    assertArrayEquals(once, got);
  }

  @Test
  void forEach_returnsOnlyAfterEveryCallHasReturned() {
    Thread caller = Thread.currentThread();
    AtomicIntegerArray finished = new AtomicIntegerArray(20);
    Parallel.forEach(
        20,
        i -> {
          // Calls on other threads are slow: the caller runs out of indexes while one is running.
          busy(Thread.currentThread() == caller ? 5_000_000L : 100_000_000L);
          finished.set(i, 1);
        });
    for (int i = 0; i < 20; i++) {
      assertEquals(1, finished.get(i), "call " + i);
    }
  }

  @Test
  void forEach_nestedInsideItself_stillCallsEveryPair() {
    AtomicIntegerArray calls = new AtomicIntegerArray(40 * 300);
    Parallel.forEach(40, i -> Parallel.forEach(300, j -> calls.incrementAndGet(i * 300 + j)));
    for (int k = 0; k < calls.length(); k++) {
      assertEquals(1, calls.get(k), "pair " + k);
    }
  }

  @Test
  void forEach_aCallThrows_theExceptionReachesTheCaller() {
    IllegalStateException boom = new IllegalStateException("boom");
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                Parallel.forEach(
                    10_000,
                    i -> {
                      if (i == 7_777) {
                        throw boom;
                      }
                    }));
    assertSame(boom, thrown);
  }

  @Test
  void forEach_aCallThrows_noMoreIndexesAreHandedOut() {
    int n = 20_000;
    AtomicInteger calls = new AtomicInteger();
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    assertThrows(
        IllegalStateException.class,
        () ->
            Parallel.forEach(
                n,
                i -> {
                  threads.add(Thread.currentThread());
                  if (i == 0) {
                    // Wait (a while at most) for a second thread, so that one is still working
                    // when the failure comes.
                    long start = System.nanoTime();
                    while (threads.size() < 2 && System.nanoTime() - start < 2_000_000_000L) {
                      Thread.onSpinWait();
                    }
                  }
                  if (i == n / 2) {
                    throw new IllegalStateException();
                  }
                  calls.incrementAndGet();
                  busy(2_000);
                }));
    // About the first half ran; after the failure only indexes already handed out do.
    assertTrue(calls.get() < n * 3 / 4, calls.get() + " calls");
  }

  @Test
  void start_runsOnAnotherThread_andJoinGivesItsValue() {
    Thread caller = Thread.currentThread();
    Parallel.Started<Thread> started = Parallel.start("test", Thread::currentThread);
    Thread ran = started.join();
    assertTrue(ran != caller && ran.isDaemon(), ran.getName());
    assertEquals("gwc-test", ran.getName());
  }

  @Test
  void start_whatTheWorkThrows_isThrownByJoin() {
    IllegalArgumentException boom = new IllegalArgumentException("boom");
    Parallel.Started<Object> started =
        Parallel.start(
            "failing",
            () -> {
              throw boom;
            });
    assertSame(boom, assertThrows(IllegalArgumentException.class, started::join));
  }

  private static void busy(long nanos) {
    long start = System.nanoTime();
    while (System.nanoTime() - start < nanos) {
      Thread.onSpinWait();
    }
  }
}
