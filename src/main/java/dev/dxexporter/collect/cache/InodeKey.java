package dev.dxexporter.collect.cache;

/** Identity of a file across its hard links, as du uses it: device and inode number. */
record InodeKey(long device, long inode) {}
