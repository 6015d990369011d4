package dev.dxexporter.collect.github;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock the test moves, and a sleeper that records each wait and moves the clock by it. */
final class TestClock extends Clock {
  private Instant now;
  final List<Duration> sleeps = new ArrayList<>();

  TestClock(Instant start) {
    this.now = start;
  }

  synchronized void advance(Duration d) {
    now = now.plus(d);
  }

  Sleeper sleeper() {
    return d -> {
      synchronized (this) {
        sleeps.add(d);
      }
      advance(d);
    };
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
