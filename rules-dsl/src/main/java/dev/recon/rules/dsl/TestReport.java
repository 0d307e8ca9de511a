package dev.recon.rules.dsl;

import java.util.List;

/** The outcome of {@link RuleTests#run}: one result per case, in file order. */
public record TestReport(String source, List<CaseResult> cases) {

    /** Copies the list. */
    public TestReport {
        cases = List.copyOf(cases);
    }

    /**
     * One case: whether it passed, the rule ids expected and those that fired, and what was wrong
     * (a record that could not be built, a message that differs, ...).
     */
    public record CaseResult(
            String name,
            boolean passed,
            List<String> expected,
            List<String> actual,
            List<String> problems) {

        /** Copies the lists. */
        public CaseResult {
            expected = List.copyOf(expected);
            actual = List.copyOf(actual);
            problems = List.copyOf(problems);
        }
    }

    /** Number of cases that passed. */
    public long passed() {
        return cases.stream().filter(CaseResult::passed).count();
    }

    /** Number of cases that failed. */
    public long failed() {
        return cases.size() - passed();
    }

    /** True when every case passed (and there is at least one). */
    public boolean ok() {
        return !cases.isEmpty() && failed() == 0;
    }

    /** One line per case ({@code PASS}/{@code FAIL}), the problems of failures, and a total. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (CaseResult c : cases) {
            sb.append(c.passed() ? "PASS  " : "FAIL  ").append(c.name());
            if (!c.passed() && !c.expected().equals(c.actual())) {
                sb.append(": expected ").append(c.expected()).append(", got ").append(c.actual());
            }
            sb.append('\n');
            c.problems().forEach(p -> sb.append("        ").append(p).append('\n'));
        }
        sb.append(source)
                .append(": ")
                .append(cases.size())
                .append(cases.size() == 1 ? " case, " : " cases, ")
                .append(passed())
                .append(" passed, ")
                .append(failed())
                .append(" failed\n");
        return sb.toString();
    }
}
