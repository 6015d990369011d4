package dev.dxexporter.collect.github;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One polled repository.
 *
 * @param workflows workflow file names ({@code ci.yml}) or ids; empty for all workflows
 * @param branch only runs of this branch, or null for all
 */
public record RepositoryTarget(String owner, String name, List<String> workflows, String branch) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

  public RepositoryTarget {
    workflows = List.copyOf(workflows);
    require("owner", owner);
    require("repository", name);
    for (String workflow : workflows) {
      require("workflow", workflow);
    }
    if (branch != null && branch.isBlank()) {
      branch = null;
    }
  }

  /** {@code owner/repo}. */
  public static RepositoryTarget of(String fullName, List<String> workflows, String branch) {
    int slash = fullName.indexOf('/');
    if (slash < 0 || slash != fullName.lastIndexOf('/')) {
      throw new IllegalArgumentException("not owner/repo: " + fullName);
    }
    return new RepositoryTarget(
        fullName.substring(0, slash), fullName.substring(slash + 1), workflows, branch);
  }

  public String fullName() {
    return owner + "/" + name;
  }

  private static void require(String what, String value) {
    if (value == null
        || !NAME.matcher(value).matches()
        || value.equals(".")
        || value.equals("..")) {
      throw new IllegalArgumentException("not a valid " + what + " name: " + value);
    }
  }
}
