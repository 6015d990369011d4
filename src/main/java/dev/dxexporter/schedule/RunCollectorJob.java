package dev.dxexporter.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job for one collector instance. Never overlaps itself; interruptible so that shutdown
 * can end a long scan.
 */
@DisallowConcurrentExecution
final class RunCollectorJob implements InterruptableJob {
  private final Runnable work;
  private volatile Thread runner;

  RunCollectorJob(Runnable work) {
    this.work = work;
  }

  @Override
  public void execute(JobExecutionContext context) {
    runner = Thread.currentThread();
    try {
      work.run();
    } finally {
      runner = null;
      Thread.interrupted(); // do not hand an interrupt flag back to Quartz's pooled thread
    }
  }

  @Override
  public void interrupt() {
    Thread t = runner;
    if (t != null) {
      t.interrupt();
    }
  }
}
