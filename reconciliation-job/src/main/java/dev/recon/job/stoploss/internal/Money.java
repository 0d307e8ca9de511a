package dev.recon.job.stoploss.internal;

import java.math.BigDecimal;
import java.util.Currency;

/** Formats minor units for people: {@code 500000 USD} is {@code 5000.00 USD}. */
public final class Money {
    private Money() {}

    /** Minor units with the currency's decimals (2 when the code is unknown) and the code. */
    public static String format(long minor, String currency) {
        int digits = 2;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            // unknown code: two decimals
        }
        return BigDecimal.valueOf(minor, digits).toPlainString() + " " + currency;
    }
}
