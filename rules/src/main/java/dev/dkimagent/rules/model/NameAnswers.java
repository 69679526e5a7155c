package dev.dkimagent.rules.model;

import java.util.Arrays;

/**
 * The direct answers to one record name: one per type asked of one address. Immutable: adding an
 * answer makes a new instance, so a probe can publish it through a concurrent map while replies
 * still arrive. Small by design (a record is asked at most four types on each of its zone's
 * addresses), so a lookup scans instead of hashing.
 */
public final class NameAnswers {
    /** A name nothing was asked of. */
    public static final NameAnswers NONE = new NameAnswers(new String[0], new String[0], new Answer[0]);

    private final String[] types;
    private final String[] addresses;
    private final Answer[] answers;

    private NameAnswers(String[] types, String[] addresses, Answer[] answers) {
        this.types = types;
        this.addresses = addresses;
        this.answers = answers;
    }

    /** The answer to {@code type} at {@code address}, or null when that was not asked. */
    public Answer get(String type, String address) {
        int i = indexOf(type, address);
        return i < 0 ? null : answers[i];
    }

    /** How many answers this name holds. */
    public int size() {
        return answers.length;
    }

    String type(int i) {
        return types[i];
    }

    String address(int i) {
        return addresses[i];
    }

    Answer answer(int i) {
        return answers[i];
    }

    /** These answers with {@code answer} to {@code type} at {@code address}, replacing an earlier one. */
    NameAnswers with(String type, String address, Answer answer) {
        int i = indexOf(type, address);
        if (i >= 0) {
            Answer[] replaced = answers.clone();
            replaced[i] = answer;
            return new NameAnswers(types, addresses, replaced);
        }
        int n = answers.length;
        String[] t = Arrays.copyOf(types, n + 1);
        String[] a = Arrays.copyOf(addresses, n + 1);
        Answer[] x = Arrays.copyOf(answers, n + 1);
        t[n] = type;
        a[n] = address;
        x[n] = answer;
        return new NameAnswers(t, a, x);
    }

    private int indexOf(String type, String address) {
        for (int i = 0; i < answers.length; i++) {
            if (types[i].equals(type) && addresses[i].equals(address)) {
                return i;
            }
        }
        return -1;
    }
}
