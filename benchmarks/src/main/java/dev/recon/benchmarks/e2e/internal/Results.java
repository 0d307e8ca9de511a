package dev.recon.benchmarks.e2e.internal;

import dev.recon.benchmarks.e2e.internal.ThroughputCases.Outcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one harness run: rows for results.csv and the target verdicts for results.md. */
public final class Results {
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<String> verdicts = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();
    private final String setup;

    /** Results of a run whose setup line is {@code setup}. */
    public Results(String setup) {
        this.setup = setup;
    }

    /** Adds one case's outcome. */
    public void add(Outcome o) {
        outcomes.add(o);
    }

    /** Every outcome so far. */
    public List<Outcome> outcomes() {
        return outcomes;
    }

    /** The best rate of a case over the rounds, NaN if it did not run. */
    public double best(String name) {
        return outcomes.stream()
                .filter(o -> o.name().equals(name))
                .mapToDouble(Outcome::rate)
                .max()
                .orElse(Double.NaN);
    }

    /** Records a target: ratio {@code a / b} must be at least {@code min}. */
    public String ratio(String what, String a, String b, double min) {
        double r = best(a) / best(b);
        if (Double.isNaN(r)) {
            return null;
        }
        String v =
                String.format(
                        "| %s | %.2fx (%,.0f vs %,.0f events/s) | %s |",
                        what,
                        r,
                        best(a),
                        best(b),
                        min <= 0 ? "(no target)" : r >= min ? "met" : "**missed**");
        verdicts.add(v);
        return v;
    }

    /** Records a target with its measured figure; {@code met} null means no verdict. */
    public void verdict(String what, String measured, Boolean met) {
        verdicts.add(
                String.format(
                        "| %s | %s | %s |",
                        what, measured, met == null ? "(no verdict)" : met ? "met" : "**missed**"));
    }

    /** Adds a Markdown section (a heading and a table) after the verdicts. */
    public void section(String markdown) {
        sections.add(markdown);
    }

    /** Correctness counters by case (best round), for the smoke test and the table. */
    public Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        outcomes.forEach(o -> out.putIfAbsent(o.name(), o.counts()));
        return out;
    }

    /** Writes results.csv and results.md into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("case,round,events,seconds,events_per_s,counts\n");
        StringBuilder md = new StringBuilder("Setup: " + setup + "\n\n");
        md.append("| case | round | events | seconds | events/s | counters |\n");
        md.append("| --- | --- | ---: | ---: | ---: | --- |\n");
        Map<String, Integer> rounds = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            int round = rounds.merge(o.name(), 1, Integer::sum);
            String counts = o.counts().toString().replace(",", ";");
            csv.append(
                    String.format(
                            "%s,%d,%d,%.3f,%.0f,%s%n",
                            o.name(), round, o.events(), o.seconds(), o.rate(), counts));
            md.append(
                    String.format(
                            "| %s | %d | %,d | %.1f | %,.0f | %s |%n",
                            o.name(), round, o.events(), o.seconds(), o.rate(), counts));
        }
        md.append("\n| target | measured (best round of each) | verdict |\n| --- | --- | --- |\n");
        verdicts.forEach(v -> md.append(v).append('\n'));
        sections.forEach(x -> md.append('\n').append(x));
        md.append(taskTimes());
        Files.writeString(dir.resolve("results.csv"), csv);
        Files.writeString(dir.resolve("results.md"), md);
    }

    /** Each case's last round: where its task threads spent their time ({@link TaskTimes}). */
    private String taskTimes() {
        Map<String, Outcome> last = new LinkedHashMap<>();
        outcomes.forEach(o -> last.put(o.name(), o));
        StringBuilder md =
                new StringBuilder(
                        "\nTask threads, last round of each case (Flink's accumulated busy,"
                                + " back-pressured and idle time, summed over subtasks):\n\n"
                                + "| case | task | busy s | back-pressured s | idle s |\n"
                                + "| --- | --- | ---: | ---: | ---: |\n");
        last.forEach(
                (name, o) ->
                        o.taskTimes()
                                .forEach(
                                        (task, t) ->
                                                md.append(
                                                        String.format(
                                                                "| %s | %s | %.2f | %.2f | %.2f |%n",
                                                                name,
                                                                task,
                                                                t[0] / 1e3,
                                                                t[1] / 1e3,
                                                                t[2] / 1e3))));
        md.append(
                "\nCPU seconds per thread group of this JVM, same rounds (/proc; the broker of e is"
                        + " another process):\n\n| case | thread group: CPU s |\n| --- | --- |\n");
        last.forEach(
                (name, o) ->
                        md.append("| ")
                                .append(name)
                                .append(" | ")
                                .append(ThreadCpu.describe(o.threadCpu()))
                                .append(" |\n"));
        return md.toString();
    }
}
