package dev.recon.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies of the repository's default rules with another deadline and optional extra rules. */
final class RuleFiles {
    /** A shadow rule the second version of the savepoint test adds. */
    static final String REFUND_REVIEW =
            """
              rule large-refund-review {
                severity warning
                owner "fund-safety"
                mode shadow
                when left.status == "REFUNDED"
                check left.amount_minor <= 10000
                at_risk left.amount_minor
                message "refund {left.payment_id} of {left.amount_minor} {left.currency} needs a review"
              }
            """;

    private RuleFiles() {}

    /** Writes {@code dir/payments-vs-bills.rules}: the default rules, the deadline, extras. */
    static Path write(Path dir, long deadlineMs, String extraRules) throws IOException {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        Path rules = root.resolve("rules/payments-vs-bills.rules");
        if (!Files.isRegularFile(rules)) {
            throw new IllegalStateException(
                    rules + " is missing: run from the flink-cluster module");
        }
        String text =
                Files.readString(rules)
                        .replace("\"../model/", "\"" + root.resolve("model") + "/")
                        .replace("deadline 5s", "deadline " + deadlineMs + "ms");
        if (!text.contains("deadline " + deadlineMs + "ms")) {
            throw new IllegalStateException("the default rules no longer say 'deadline 5s'");
        }
        int end = text.stripTrailing().lastIndexOf('}');
        text = text.substring(0, end) + extraRules + "}\n";
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("payments-vs-bills.rules"), text).getParent();
    }
}
