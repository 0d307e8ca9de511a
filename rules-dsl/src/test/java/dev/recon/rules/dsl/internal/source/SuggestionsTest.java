package dev.recon.rules.dsl.internal.source;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link Suggestions}. */
class SuggestionsTest {
    private static final List<String> FIELDS =
            List.of(
                    "payment_id",
                    "merchant_id",
                    "amount_minor",
                    "currency",
                    "status",
                    "event_time");

    @Test
    void typosTranspositionsAndPrefixes() {
        assertThat(Suggestions.closest("amout", FIELDS)).contains("amount_minor");
        assertThat(Suggestions.closest("curency", FIELDS)).contains("currency");
        assertThat(Suggestions.closest("stauts", FIELDS)).contains("status");
        assertThat(Suggestions.closest("Currency", FIELDS)).contains("currency");
        assertThat(Suggestions.closest("event", FIELDS)).contains("event_time");
        assertThat(Suggestions.closest("critcal", List.of("critical", "error")))
                .contains("critical");
    }

    @Test
    void nothingWhenNothingIsClose() {
        assertThat(Suggestions.closest("zzz", FIELDS)).isEmpty();
        assertThat(Suggestions.closest("x", FIELDS)).isEmpty();
        assertThat(Suggestions.closest("", FIELDS)).isEmpty();
        assertThat(Suggestions.closest("a".repeat(100), FIELDS)).isEmpty();
        assertThat(Suggestions.didYouMean("fatal", List.of("critical", "error"))).isEmpty();
    }

    @Test
    void distanceCountsATranspositionAsOneEdit() {
        assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }
}
