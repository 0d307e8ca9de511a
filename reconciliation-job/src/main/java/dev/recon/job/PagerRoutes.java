package dev.recon.job;

import dev.recon.job.cli.UsageException;
import dev.recon.job.paging.PagerRoute;
import dev.recon.model.avro.DeadLetter;
import dev.recon.model.avro.PageEvent;
import dev.recon.sinks.pager.PagerConfig;
import dev.recon.sinks.pager.PagerConfigBuilder;
import dev.recon.sinks.pager.PagerDelivery;

import org.apache.flink.streaming.api.datastream.DataStream;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns pager options into routes: one {@link PagerConfig} and budget per active pager. */
final class PagerRoutes {
    private PagerRoutes() {}

    /** The routes of the active pagers; a missing secret or bad URL is a usage error. */
    static List<PagerRoute> of(PagingOptions o) throws UsageException {
        List<PagerRoute> routes = new ArrayList<>();
        for (String pager : o.pagers()) {
            switch (pager) {
                case "pagerduty" -> routes.add(route(pagerDuty(o), o.pagerDutyBudget(), pager));
                case "alertmanager" -> routes.addAll(alertmanagers(o));
                default -> routes.add(route(webhook(o), o.webhookBudget(), pager));
            }
        }
        return routes;
    }

    /**
     * One route per Alertmanager replica: in an HA pair every replica must receive every alert
     * (they deduplicate notifications among themselves). The first is named "alertmanager".
     */
    private static List<PagerRoute> alertmanagers(PagingOptions o) throws UsageException {
        List<PagerRoute> routes = new ArrayList<>();
        String[] urls = o.alertmanagerUrl().split(",");
        for (int i = 0; i < urls.length; i++) {
            String name = i == 0 ? "alertmanager" : "alertmanager-" + (i + 1);
            PagerConfigBuilder b =
                    common(PagerConfig.alertmanager(), o).setName(name).setUrl(urls[i].trim());
            routes.add(route(b, o.alertmanagerBudget(), "alertmanager"));
        }
        return routes;
    }

    private static PagerConfigBuilder pagerDuty(PagingOptions o) throws UsageException {
        PagerConfigBuilder b = common(PagerConfig.pagerDuty(), o).setUrl(o.pagerDutyUrl());
        if (o.pagerDutyKeyFile() != null) {
            return b.setRoutingKeyFile(Path.of(o.pagerDutyKeyFile()));
        }
        String value = System.getenv(o.pagerDutyKeyEnv());
        if (value == null || value.isBlank()) {
            throw new UsageException(
                    "--pagers pagerduty needs the routing key: export "
                            + o.pagerDutyKeyEnv()
                            + "=<integration key> (on the TaskManagers too) or pass"
                            + " --pagerduty-routing-key-file <path>");
        }
        return b.setRoutingKeyEnv(o.pagerDutyKeyEnv());
    }

    private static PagerConfigBuilder webhook(PagingOptions o) {
        PagerConfigBuilder b = common(PagerConfig.webhook(), o).setUrl(o.webhookUrl());
        if (o.webhookTokenFile() != null) {
            return b.setTokenFile(Path.of(o.webhookTokenFile()));
        }
        String value = System.getenv(o.webhookTokenEnv());
        return value == null || value.isBlank() ? b : b.setTokenEnv(o.webhookTokenEnv());
    }

    private static PagerConfigBuilder common(PagerConfigBuilder b, PagingOptions o) {
        b.setSource(o.source()).setGiveUpAfter(o.giveUpAfter());
        if (o.linkTemplate() != null) {
            b.setLinkTemplate(o.linkTemplate());
        }
        return b;
    }

    private static PagerRoute route(PagerConfigBuilder b, int budget, String pager)
            throws UsageException {
        try {
            return new Route(b.build(), budget);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException("--pagers " + pager + ": " + e.getMessage());
        }
    }

    /** A pager reached through the sinks module's delivery operator. */
    private record Route(PagerConfig config, int budgetPerMinute) implements PagerRoute {
        @Override
        public String name() {
            return config.name();
        }

        @Override
        public DataStream<DeadLetter> deliver(DataStream<PageEvent> pages) {
            return PagerDelivery.attach(pages, config);
        }
    }
}
