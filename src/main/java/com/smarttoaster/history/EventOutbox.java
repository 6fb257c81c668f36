package com.smarttoaster.history;

import java.util.List;
import java.util.function.LongFunction;

/**
 * Messages that must reach the broker, kept until it has accepted them. Entries are numbered in the
 * order they were added; a message is removed only after the broker acknowledged it, so a crash, a
 * broker restart or a lost connection at worst repeats a message (receivers drop repeats by its
 * sequence number), never loses one.
 */
public interface EventOutbox extends AutoCloseable {
  /** One waiting message. */
  record Entry(long seq, String topic, byte[] payload) {}

  /**
   * Adds a message and makes it durable before returning.
   *
   * @param payloadForSeq builds the payload from the entry's sequence number (which it may carry)
   * @return the sequence number
   */
  long append(String topic, LongFunction<byte[]> payloadForSeq);

  /**
   * Up to {@code max} waiting entries with a sequence number above {@code afterSeq}, oldest first.
   */
  List<Entry> pending(long afterSeq, int max);

  /** Removes an entry the broker has accepted; removing a missing one does nothing. */
  void remove(long seq);

  /** The number of waiting entries. */
  int size();

  @Override
  void close();
}
