package com.smarttoaster.history;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * An outbox in memory only: survives broker restarts but not the process (simulations, benchmarks).
 */
public final class InMemoryEventOutbox implements EventOutbox {
  private final TreeMap<Long, Entry> entries = new TreeMap<>();
  private final int maxEvents;
  private long nextSeq = 1;

  public InMemoryEventOutbox(int maxEvents) {
    this.maxEvents = maxEvents;
  }

  @Override
  public synchronized long append(String topic, LongFunction<byte[]> payloadForSeq) {
    long seq = nextSeq++;
    entries.put(seq, new Entry(seq, topic, payloadForSeq.apply(seq)));
    while (entries.size() > maxEvents) {
      entries.pollFirstEntry();
    }
    return seq;
  }

  @Override
  public synchronized List<Entry> pending(long afterSeq, int max) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries.tailMap(afterSeq, false).values()) {
      if (out.size() >= max) {
        break;
      }
      out.add(e);
    }
    return out;
  }

  @Override
  public synchronized void remove(long seq) {
    entries.remove(seq);
  }

  @Override
  public synchronized int size() {
    return entries.size();
  }

  @Override
  public void close() {}
}
