package dev.recon.rules.dsl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** In-memory bundles over the golden test schemas, for tests that compile small rule texts. */
public final class TestBundles {
    /** Two streams over the golden copies of the model's schemas. */
    public static final String STREAMS =
            """
            stream payments { topic "payments" schema "P.avsc" key payment_id id payment_id time event_time }
            stream bills { topic "bills" schema "B.avsc" key payment_id id bill_id time event_time }
            """;

    /** A third stream, with the golden LedgerEntry schema (nullable, enum, int, double fields). */
    public static final String LEDGER =
            """
            stream ledger { topic "ledger" schema "L.avsc" key payment_id id entry_id time booked_at }
            """;

    /** The four lifecycle rules of payments -> bills. */
    public static final String LIFECYCLE =
            """
              deadline 5s
              missing bills severity critical message "no bill for {left.payment_id}"
              missing payments severity critical message "no payment for {right.bill_id}"
              duplicate bills severity critical message "second bill {right.bill_id}"
              conflict payments severity error message "payment {left.payment_id} changed"
            """;

    private TestBundles() {}

    /** A bundle of one file {@code test.rules} with the schemas P.avsc, B.avsc and L.avsc. */
    public static RuleBundle bundle(String rules) {
        return new RuleBundle(new TreeMap<>(Map.of("test.rules", rules)), schemas());
    }

    /** The schemas by the references {@link #STREAMS} uses. */
    public static TreeMap<String, String> schemas() {
        return new TreeMap<>(
                Map.of(
                        "P.avsc", read("PaymentEvent.avsc"),
                        "B.avsc", read("BillEvent.avsc"),
                        "L.avsc", read("LedgerEntry.avsc")));
    }

    /** Compiles payments -> bills with the given rules inside the reconcile block. */
    public static Compilation compileRules(String rules) {
        return RuleCompiler.compile(
                bundle(
                        STREAMS
                                + "reconcile \"r\" payments -> bills {\n"
                                + LIFECYCLE
                                + rules
                                + "\n}\n"));
    }

    /** Compiles one pair rule with this check (and at_risk 0). */
    public static Compilation compileCheck(String check) {
        return compileRules(
                "rule t { severity error check " + check + " at_risk 0 message \"m\" }");
    }

    private static String read(String schema) {
        try {
            return Files.readString(Path.of("src/test/resources/golden/schemas", schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
