package com.smarttoaster.remote;

/**
 * Where the remote side's events go: the broker's outbox, or nowhere without a broker. Any thread.
 */
interface EventSink {
  void emit(ToasterEvent event);

  EventSink NONE = event -> {};
}
