package dev.dkimagent.rules.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.catalogue.soa.SerialArithmetic;
import java.util.List;
import org.junit.jupiter.api.Test;

class SerialArithmeticTest {

    @Test
    void lessThan_plainOrder() {
        assertThat(SerialArithmetic.lessThan(1, 2)).isTrue();
        assertThat(SerialArithmetic.lessThan(2, 1)).isFalse();
        assertThat(SerialArithmetic.lessThan(7, 7)).isFalse();
    }

    @Test
    void lessThan_acrossTheWrap_theSmallNumberIsNewer() {
        assertThat(SerialArithmetic.lessThan(4294967295L, 0)).isTrue();
        assertThat(SerialArithmetic.lessThan(0, 4294967295L)).isFalse();
    }

    @Test
    void lessThan_exactlyHalfTheSpaceApart_isUndefinedSoFalseBothWays() {
        assertThat(SerialArithmetic.lessThan(0, 1L << 31)).isFalse();
        assertThat(SerialArithmetic.lessThan(1L << 31, 0)).isFalse();
    }

    @Test
    void distance_countsForwardModulo2To32() {
        assertThat(SerialArithmetic.distance(4294967290L, 5)).isEqualTo(11);
        assertThat(SerialArithmetic.distance(9, 10)).isEqualTo(1);
    }

    @Test
    void newest_picksTheSerialAfterTheWrap() {
        assertThat(SerialArithmetic.newest(List.of(4294967290L, 5L, 4294967295L))).isEqualTo(5);
    }
}
