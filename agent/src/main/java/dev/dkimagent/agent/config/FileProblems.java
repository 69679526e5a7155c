package dev.dkimagent.agent.config;

/**
 * The problems of one identity file, at most {@value #MAX_LISTED} of them listed: a file of junk
 * (the wrong file, a binary) would otherwise flood the report and the heap. The rest are counted.
 */
final class FileProblems {
    static final int MAX_LISTED = 100;

    private final Problems problems;
    private final String file;
    private int count;

    FileProblems(Problems problems, String file) {
        this.problems = problems;
        this.file = file;
    }

    void at(int line, String what) {
        if (++count <= MAX_LISTED) {
            problems.addLine(file, line, what);
        }
    }

    int count() {
        return count;
    }

    /** After the file's last line: how many problems were not listed, if any. */
    void finish() {
        if (count > MAX_LISTED) {
            problems.addLine(file, Integer.MAX_VALUE, "... and " + (count - MAX_LISTED) + " more problems in this"
                    + " file (the first " + MAX_LISTED + " are listed)");
        }
    }
}
