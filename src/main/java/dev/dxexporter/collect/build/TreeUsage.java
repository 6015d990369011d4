package dev.dxexporter.collect.build;

/**
 * What sampling a process tree saw.
 *
 * @param peakRssBytes the largest sum of resident set sizes over the tree in one sample
 * @param peakTreeSize the most processes in one sample
 * @param processesSeen distinct processes (pid and start time) seen in any sample
 * @param samples samples taken while the root process was alive
 * @param userMillis the sum over every process seen of its last seen user CPU time
 * @param kernelMillis the same for system (kernel) CPU time
 * @param samplerCpuSeconds CPU time the sampling thread itself used (its cost)
 */
record TreeUsage(
    long peakRssBytes,
    int peakTreeSize,
    int processesSeen,
    int samples,
    long userMillis,
    long kernelMillis,
    double samplerCpuSeconds) {}
