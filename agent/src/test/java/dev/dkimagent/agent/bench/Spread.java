package dev.dkimagent.agent.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Median [min-max] of one figure over runs: a noisy machine is described by its spread, not one number. */
record Spread(double median, double min, double max) {

    static <T> Spread of(List<T> runs, ToDoubleFunction<T> figure) {
        double[] v = runs.stream().mapToDouble(figure).sorted().toArray();
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Spread(median, v[0], v[n - 1]);
    }

    /** "12.3 [11.9-14.0]" with the given printf format for each number. */
    String format(String number) {
        return String.format(Locale.ROOT, number + " [" + number + "-" + number + "]", median, min, max);
    }
}
