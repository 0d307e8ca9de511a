package dev.recon.benchmarks.e2e.internal;

import dev.recon.model.avro.BillEvent;
import dev.recon.model.avro.PaymentEvent;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;

/**
 * Case d: the default rules as Flink SQL, an interval join on payment id within the deadline (on
 * processing time) that flags the three checks on every joined pair; a sink counts the pairs and
 * the flags.
 */
public final class SqlJoin {
    static final String QUERY =
            "SELECT p.payment_id,"
                    + " p.currency = b.currency AND p.amount_minor <> b.amount_minor AS amount_break,"
                    + " p.currency <> b.currency AS currency_break,"
                    + " NOT ((p.status = 'SUCCEEDED' AND b.status = 'BILLED')"
                    + "   OR (p.status = 'REFUNDED' AND b.status = 'REFUNDED')"
                    + "   OR (p.status = 'FAILED' AND b.status = 'REVERSED')) AS status_break"
                    + " FROM payments p JOIN bills b ON p.payment_id = b.payment_id"
                    + " AND b.pt BETWEEN p.pt - INTERVAL '%d' SECOND AND p.pt + INTERVAL '%d'"
                    + " SECOND";

    private static final TypeInformation<Row> SIDE =
            Types.ROW_NAMED(
                    new String[] {"payment_id", "amount_minor", "currency", "status"},
                    Types.STRING,
                    Types.LONG,
                    Types.STRING,
                    Types.STRING);

    private SqlJoin() {}

    /** Adds the join of the generated pairs and its counting sink to {@code env}. */
    public static void attach(
            StreamExecutionEnvironment env, long pairs, long lag, long deadlineS) {
        var payments = GeneratedInputs.attach(env, pairs, lag);
        DataStream<BillEvent> bills = payments.getSideOutput(GenerateEvents.BILLS);
        StreamTableEnvironment t = StreamTableEnvironment.create(env);
        Schema schema = Schema.newBuilder().columnByExpression("pt", "PROCTIME()").build();
        t.createTemporaryView(
                "payments", payments.map(SqlJoin::row, SIDE).name("payments as rows"), schema);
        t.createTemporaryView("bills", bills.map(SqlJoin::row, SIDE).name("bills as rows"), schema);
        t.toDataStream(t.sqlQuery(String.format(QUERY, deadlineS, deadlineS)))
                .sinkTo(new TallySink<>("matched", SqlJoin::breakOf))
                .name("count joined pairs");
    }

    private static Row row(PaymentEvent p) {
        return Row.of(p.getPaymentId(), p.getAmountMinor(), p.getCurrency(), p.getStatus());
    }

    private static Row row(BillEvent b) {
        return Row.of(b.getPaymentId(), b.getAmountMinor(), b.getCurrency(), b.getStatus());
    }

    /** One pair breaks at most... the generated data has one fault per pair: its rule id. */
    private static String breakOf(Row r) {
        if (Boolean.TRUE.equals(r.getField(1))) {
            return "amount-match";
        } else if (Boolean.TRUE.equals(r.getField(2))) {
            return "currency-match";
        } else if (Boolean.TRUE.equals(r.getField(3))) {
            return "status-consistent";
        }
        return null;
    }
}
