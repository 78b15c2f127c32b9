package com.partnersportal.identity.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    @Test
    void aCodeIsSixteenCrockfordCharactersInGroupsOfFour() {
        Set<String> codes = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> codes.add(RecoveryCodes.newCode()));

        assertThat(codes).hasSize(1000).allMatch(code -> code.matches("[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}"));
    }

    @Test
    void whatIsTypedIsReadInAnyCaseWithOrWithoutSeparatorsAndLookAlikesAsDigits() {
        assertThat(RecoveryCodes.normalised("7KQ2-M9XD p4tr-hw3c")).isEqualTo("7kq2m9xdp4trhw3c");
        assertThat(RecoveryCodes.normalised("o0il-1111-2222-3333")).isEqualTo("0011111122223333");
        assertThat(RecoveryCodes.normalised(null)).isEmpty();
    }
}
