package dev.recon.sources.internal;

import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/** The ISO 4217 alphabetic codes the JDK knows ({@link Currency}), looked up without exceptions. */
final class Currencies {
    private static final Set<String> KNOWN =
            Currency.getAvailableCurrencies().stream()
                    .map(Currency::getCurrencyCode)
                    .collect(Collectors.toUnmodifiableSet());

    private Currencies() {}

    /** True for a known code such as {@code USD}; false for null, lower case or made-up codes. */
    static boolean isKnown(String code) {
        return code != null && code.length() == 3 && KNOWN.contains(code);
    }
}
