package dev.dkimagent.rules.catalogue.soa;

/** SOA serial comparison under RFC 1982 (32-bit serial number arithmetic), so wrap-around is not "behind". */
public final class SerialArithmetic {
    private static final long MODULUS = 1L << 32;
    private static final long HALF = 1L << 31;

    private SerialArithmetic() {
    }

    /** True when {@code s1 < s2} in RFC 1982 terms; false when equal or undefined (exactly 2^31 apart). */
    public static boolean lessThan(long s1, long s2) {
        long a = s1 & 0xFFFFFFFFL;
        long b = s2 & 0xFFFFFFFFL;
        return (a < b && b - a < HALF) || (a > b && a - b > HALF);
    }

    /** How far {@code serial} lies behind {@code newest}, counting forward modulo 2^32. */
    public static long distance(long serial, long newest) {
        return Math.floorMod((newest & 0xFFFFFFFFL) - (serial & 0xFFFFFFFFL), MODULUS);
    }

    /** The newest of the serials (the first wins a tie or an undefined comparison). */
    public static long newest(Iterable<Long> serials) {
        Long best = null;
        for (long s : serials) {
            if (best == null || lessThan(best, s)) {
                best = s;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no serials");
        }
        return best;
    }
}
