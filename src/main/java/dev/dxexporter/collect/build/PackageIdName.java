package dev.dxexporter.collect.build;

/**
 * Name and version of a cargo package id, in both of its forms: the old {@code "serde 1.0.130
 * (registry+https://github.com/rust-lang/crates.io-index)"} and the package-id spec of cargo 1.77
 * and later, {@code "registry+https://github.com/rust-lang/crates.io-index#serde@1.0.130"} or
 * {@code "path+file:///ws/alpha#0.1.0"} (the name is then the last path segment).
 */
record PackageIdName(String name, String version) {
  static PackageIdName parse(String packageId) {
    int hash = packageId.lastIndexOf('#');
    if (hash < 0) {
      String[] words = packageId.strip().split("\\s+");
      return new PackageIdName(words[0], words.length > 1 ? words[1] : "");
    }
    String fragment = packageId.substring(hash + 1);
    int at = fragment.indexOf('@');
    if (at >= 0) {
      return new PackageIdName(fragment.substring(0, at), fragment.substring(at + 1));
    }
    String url = packageId.substring(0, hash);
    int query = url.indexOf('?');
    url = query < 0 ? url : url.substring(0, query);
    String lastSegment = url.substring(url.lastIndexOf('/') + 1);
    boolean isVersion = !fragment.isEmpty() && Character.isDigit(fragment.charAt(0));
    return isVersion ? new PackageIdName(lastSegment, fragment) : new PackageIdName(fragment, "");
  }
}
