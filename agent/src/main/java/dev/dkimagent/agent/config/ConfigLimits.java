package dev.dkimagent.agent.config;

/**
 * Bounds on what the loader reads, so a hostile or broken file ends in a configuration error
 * (exit 2) instead of a StackOverflowError or an OutOfMemoryError. Each is far above what a real
 * configuration needs: 10,000 identities take about 1.5 MiB and nest 6 levels deep.
 */
final class ConfigLimits {
    /** All files read for one configuration (the file and everything it includes), in bytes. */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    /** Objects and lists inside one another; the parser recurses once per level. */
    static final int MAX_NESTING = 64;
    /** Substitutions that refer to substitutions that refer to ...; resolving recurses per link. */
    static final int MAX_SUBSTITUTION_CHAIN = 64;
    /** The size of the tree once every substitution is expanded (characters plus values). */
    static final long MAX_EXPANDED_SIZE = 64L * 1024 * 1024;
    /** The longest value or key a message quotes before it is cut. */
    static final int MAX_SHOWN_CHARS = 100;
    /** The longest single problem line. */
    static final int MAX_PROBLEM_CHARS = 1000;

    private ConfigLimits() {
    }

    static String mebibytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MiB";
    }
}
