package dev.recon.job.paging;

import dev.recon.model.avro.Alert;
import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PageEvent;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.util.List;

/**
 * The pager path: pageable alerts, storm control keyed by rule and merchant, the resolve gate, then
 * per pager its rate budget and delivery. Every break still goes to the alerts topic; only pages go
 * here. Pages are flushed without buffering delay (they are few).
 */
public final class Paging {
    static final TypeInformation<PageEvent> PAGE = new AvroTypeInfo<>(PageEvent.class);

    private final PagingSettings settings;
    private final List<PagerRoute> routes;

    /** Pages through {@code routes}; with no routes nothing is added. */
    public Paging(PagingSettings settings, List<PagerRoute> routes) {
        this.settings = settings;
        this.routes = List.copyOf(routes);
    }

    /** True when at least one pager is configured. */
    public boolean enabled() {
        return !routes.isEmpty();
    }

    /** Adds the pager path; returns the pages no pager accepted, or null without pagers. */
    public DataStream<DeadLetter> attach(DataStream<Alert> alerts) {
        if (routes.isEmpty()) {
            return null;
        }
        DataStream<PageEvent> pages =
                alerts.filter(new PageableAlerts(settings.minSeverity()))
                        .uid("pageable-alerts")
                        .name(
                                "pageable alerts (enforce, severity >= "
                                        + settings.minSeverity().name().toLowerCase()
                                        + ")")
                        .keyBy(PageKeys::of, Types.STRING)
                        .process(
                                new StormControlFunction(settings.refresh(), settings.expiry()),
                                PAGE)
                        .uid(StormControlFunction.UID)
                        .name("storm control: one page per rule and merchant")
                        .setBufferTimeout(0)
                        .transform(
                                "resolve after checkpoint",
                                PAGE,
                                new ResolveGateOperator(settings.resolveAfterCheckpoint()))
                        .uid(ResolveGateOperator.UID)
                        .setBufferTimeout(0);
        DataStream<DeadLetter> failed = null;
        for (PagerRoute route : routes) {
            DataStream<DeadLetter> f = route.deliver(budgeted(pages, route));
            failed = failed == null ? f : failed.union(f);
        }
        return failed;
    }

    private DataStream<PageEvent> budgeted(DataStream<PageEvent> pages, PagerRoute route) {
        String name = route.name();
        return pages.keyBy(p -> name, Types.STRING)
                .process(new PageBudgetFunction(route.budgetPerMinute(), settings.expiry()), PAGE)
                .uid(PageBudgetFunction.UID_PREFIX + name)
                .name("budget of " + name + " (" + route.budgetPerMinute() + "/min)")
                .setParallelism(1)
                .setMaxParallelism(1)
                .setBufferTimeout(0);
    }
}
