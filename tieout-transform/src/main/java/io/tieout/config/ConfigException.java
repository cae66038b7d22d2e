package io.tieout.config;

import java.util.List;
import java.util.stream.Collectors;

/** {@code tieout.yaml} is not usable. Carries every problem found, so they can all be fixed in one go. */
public final class ConfigException extends RuntimeException {

    private final List<ConfigProblem> problems;

    /** @param file the file as the user named it, prefixed to every line of the message */
    public ConfigException(String file, List<ConfigProblem> problems) {
        super(problems.stream().map(p -> file + ": " + p.describe()).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
