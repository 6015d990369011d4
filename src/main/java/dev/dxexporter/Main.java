package dev.dxexporter;

/** Placeholder entry point; the command line arrives with the daemon wiring. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {}
}
