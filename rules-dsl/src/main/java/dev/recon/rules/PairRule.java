package dev.recon.rules;

import dev.recon.model.avro.RuleMode;
import dev.recon.model.avro.Severity;
import dev.recon.rules.expr.BoolExpr;
import dev.recon.rules.expr.Exprs;
import dev.recon.rules.expr.LongExpr;
import dev.recon.rules.expr.Predicates;

import org.apache.avro.generic.IndexedRecord;

import java.util.Objects;

/**
 * A check on a matched pair: when {@code when} holds and {@code check} does not, the pair is a
 * break of this rule, with {@code atRisk} minor units at risk.
 *
 * <pre>{@code
 * PairRule.builder("amount-match")
 *     .setSeverity(Severity.CRITICAL)
 *     .setWhen(Exprs.equal(leftCurrency, rightCurrency))
 *     .setCheck(Exprs.within(leftAmount, rightAmount, Tolerance.exact()))
 *     .setAtRisk(Exprs.absDiff(leftAmount, rightAmount))
 *     .setMessage(template)
 *     .build();
 * }</pre>
 */
public final class PairRule {
    private final RuleHeader header;
    private final BoolExpr when;
    private final boolean guarded; // false without a guard: no call to the constant true per pair
    private final BoolExpr check;
    private final LongExpr atRisk;
    private final MessageTemplate message;

    private PairRule(Builder b) {
        this.header = new RuleHeader(b.id, b.severity, b.mode, b.owner, b.stopLoss);
        this.when = b.when;
        this.guarded = !Predicates.isTrue(b.when);
        this.check = b.check;
        this.atRisk = b.atRisk;
        this.message = b.message;
    }

    /** Starts a rule with the given id (lower-case, dashes). */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** True when the pair breaks this rule. */
    public boolean isBreak(IndexedRecord left, IndexedRecord right) {
        return (!guarded || when.test(left, right)) && !check.test(left, right);
    }

    /** Amount at risk of a break, in minor units, never negative. */
    public long amountAtRisk(IndexedRecord left, IndexedRecord right) {
        long v = atRisk.eval(left, right);
        return v == LongExpr.NULL ? 0 : Math.abs(v);
    }

    /** Message of a break. */
    public String message(IndexedRecord left, IndexedRecord right) {
        return message.render(left, right);
    }

    /** The guard: the rule applies only to pairs where it holds. */
    public BoolExpr when() {
        return when;
    }

    /** What must hold for a correct pair. */
    public BoolExpr check() {
        return check;
    }

    /** The amount at risk of a break, as compiled (NULL reads as 0 in {@link #amountAtRisk}). */
    public LongExpr atRisk() {
        return atRisk;
    }

    /** The message template of a break. */
    public MessageTemplate messageTemplate() {
        return message;
    }

    /** Id, severity, mode and owner. */
    public RuleHeader header() {
        return header;
    }

    /** Canonical text for explain and versioning. */
    public String describe() {
        return header.describe()
                + "\n    when  "
                + when.describe()
                + "\n    check "
                + check.describe()
                + "\n    at risk "
                + atRisk.describe()
                + "\n    message \""
                + message.source()
                + "\"";
    }

    /** Builder of {@link PairRule}. */
    public static final class Builder {
        private final String id;
        private Severity severity = Severity.ERROR;
        private RuleMode mode = RuleMode.ENFORCE;
        private String owner = "unowned";
        private BoolExpr when = Exprs.always();
        private BoolExpr check;
        private LongExpr atRisk;
        private MessageTemplate message;
        private StopLoss stopLoss;

        private Builder(String id) {
            this.id = RuleHeader.checkId(id);
        }

        /** Severity of its alerts (default ERROR). */
        public Builder setSeverity(Severity severity) {
            this.severity = Objects.requireNonNull(severity);
            return this;
        }

        /** ENFORCE pages; SHADOW only records (default ENFORCE). */
        public Builder setMode(RuleMode mode) {
            this.mode = Objects.requireNonNull(mode);
            return this;
        }

        /** Team or person who owns the rule. */
        public Builder setOwner(String owner) {
            this.owner = Objects.requireNonNull(owner);
            return this;
        }

        /** Guard: the rule only applies to pairs where this holds (default: always). */
        public Builder setWhen(BoolExpr when) {
            this.when = Objects.requireNonNull(when);
            return this;
        }

        /** What must hold for a correct pair. */
        public Builder setCheck(BoolExpr check) {
            this.check = check;
            return this;
        }

        /** Amount at risk of a break, in minor units. */
        public Builder setAtRisk(LongExpr atRisk) {
            this.atRisk = atRisk;
            return this;
        }

        /** Message of a break. */
        public Builder setMessage(MessageTemplate message) {
            this.message = message;
            return this;
        }

        /** The stop-loss action its breaks carry (default none). */
        public Builder setStopLoss(StopLoss stopLoss) {
            this.stopLoss = stopLoss;
            return this;
        }

        /** Validates and builds. */
        public PairRule build() {
            if (check == null) {
                throw new IllegalStateException(
                        "rule " + id + ": a check is required: setCheck(...)");
            }
            if (atRisk == null) {
                throw new IllegalStateException(
                        "rule " + id + ": the amount at risk is required: setAtRisk(...)");
            }
            if (message == null) {
                throw new IllegalStateException(
                        "rule " + id + ": a message is required: setMessage(...)");
            }
            return new PairRule(this);
        }
    }
}
