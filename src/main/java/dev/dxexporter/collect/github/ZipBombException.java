package dev.dxexporter.collect.github;

import java.io.IOException;

/** An archive entry inflating beyond {@link ZipLimits#maxRatio()}. */
public final class ZipBombException extends IOException {
  private static final long serialVersionUID = 1L;

  ZipBombException(String message) {
    super(message);
  }
}
