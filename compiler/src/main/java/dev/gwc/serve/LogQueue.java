package dev.gwc.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The request log, written by a thread of its own: it writes whatever lines have queued up, then
 * flushes once. Idle, each line appears at once; under load, one flush serves a batch, and no
 * request waits for the terminal.
 */
final class LogQueue implements Consumer<String>, AutoCloseable {
  private static final String END = new String("end of log"); // compared by identity

  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>(1 << 16);
  private final Thread writer;

  /**
   * @param write writes one line
   * @param flush makes the written lines visible
   */
  LogQueue(Consumer<String> write, Runnable flush) {
    writer =
        new Thread(
            () -> {
              List<String> batch = new ArrayList<>();
              try {
                while (true) {
                  batch.add(lines.take());
                  lines.drainTo(batch);
                  for (String line : batch) {
                    if (line == END) {
                      flush.run();
                      return;
                    }
                    write.accept(line);
                  }
                  flush.run();
                  batch.clear();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "gwc-serve-log");
    writer.setDaemon(true);
    writer.start();
  }

  /** Queues a line; when the queue is full (the terminal cannot keep up), waits for room. */
  @Override
  public void accept(String line) {
    try {
      lines.put(line);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes the lines queued so far, then stops the writer. */
  @Override
  public void close() {
    accept(END);
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
