package dev.dxexporter.collect.cache;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One directory of the tree being scanned: its raw name and its parent, from which its path is
 * rebuilt only for error messages.
 *
 * <p>Descriptors: a directory keeps its descriptor open after reading its entries only until each
 * of its subdirectories has opened itself relative to it ({@code openat}); the last child to do so
 * closes it. So open descriptors stay few on wide trees and deep chains need no full path (no
 * PATH_MAX).
 */
final class DirNode {
  private final DirNode parent;
  private final byte[] name;
  private volatile int fd = -1;
  private final AtomicInteger unopenedChildren = new AtomicInteger();

  private DirNode(DirNode parent, byte[] name) {
    this.parent = parent;
    this.name = name;
  }

  static DirNode root(byte[] path, int fd) {
    DirNode root = new DirNode(null, path);
    root.fd = fd;
    return root;
  }

  DirNode child(byte[] childName) {
    return new DirNode(this, childName);
  }

  DirNode parent() {
    return parent;
  }

  byte[] name() {
    return name;
  }

  int fd() {
    return fd;
  }

  void opened(int descriptor) {
    fd = descriptor;
  }

  /** Called before the children are handed out; they release this descriptor once opened. */
  void keepOpenFor(int children) {
    unopenedChildren.set(children);
  }

  /** One child has opened itself (or given up): the last one closes this directory. */
  void childOpened() {
    if (unopenedChildren.decrementAndGet() == 0) {
      LibC.close(fd);
    }
  }

  /** The path for messages; names that are not UTF-8 show replacement characters. */
  String displayPath() {
    Deque<byte[]> parts = new ArrayDeque<>();
    for (DirNode n = this; n != null; n = n.parent) {
      parts.push(n.name);
    }
    StringBuilder path = new StringBuilder();
    for (byte[] part : parts) {
      if (path.length() > 0 && path.charAt(path.length() - 1) != '/') {
        path.append('/');
      }
      path.append(new String(part, StandardCharsets.UTF_8));
    }
    return path.toString();
  }

  String displayPath(byte[] entryName) {
    String dir = displayPath();
    return (dir.endsWith("/") ? dir : dir + "/") + new String(entryName, StandardCharsets.UTF_8);
  }
}
